import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

/// `https://` deliveries through the Transport module's TLS stream: a receiver whose certificate is trusted gets
/// them; one whose certificate is not is never sent anything, and the attempts are retried with the reason.
@Suite("Notification deliveries over https")
struct NotificationTLSTests {
    static let webhooksOnly: [String: JSONValue] = ["notify": .object(["sms": .bool(false), "email": .bool(false)])]

    @Test("a webhook over https is delivered when its certificate is trusted (NAFIDHA_NOTIFY_CA_FILE)")
    func trusted() throws {
        try NotificationWorld.with { world in
            try HTTPSReceiver.with { receiver in
                _ = try world.services.webhooks.create(
                    url: receiver.url(), eventTypes: [], municipalities: [], sectors: [], includePersonalData: false)
                var channels = try DeliveryHarness.channels(sms: nil)
                channels.connector = NetworkConnector(additionalCAFile: receiver.certificateFile)
                try DeliveryHarness.with(world, channels: channels) { _ in
                    _ = try world.file(extra: Self.webhooksOnly)
                    let sent = try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["sent": 1] }
                    let error: String? = try world.world.query("SELECT last_error FROM notifications")[0]
                        .decode("last_error")
                    #expect(sent, "\(error ?? "no error")")
                    let id: String = try world.world.query("SELECT message_id::text AS id FROM notifications")[0]
                        .decode("id")
                    #expect(try receiver.deliveries() == [id])
                }
            }
        }
    }

    @Test("an untrusted certificate sends nothing: the attempt is retried, its error naming the certificate")
    func untrusted() throws {
        try NotificationWorld.with { world in
            try HTTPSReceiver.with { receiver in
                _ = try world.services.webhooks.create(
                    url: receiver.url(), eventTypes: [], municipalities: [], sectors: [], includePersonalData: false)
                try DeliveryHarness.with(world, channels: try DeliveryHarness.channels(sms: nil)) { _ in
                    let filed = try world.file(extra: Self.webhooksOnly)
                    #expect(
                        try DeliveryHarness.eventually {
                            try DeliveryHarness.attempts(world, filed, channel: "webhook").count >= 1
                        })
                    #expect(
                        try DeliveryHarness.attempts(world, filed, channel: "webhook").allSatisfy { $0 == "retry -" })
                    let error: String? = try world.world.query(
                        "SELECT last_error FROM notifications WHERE request_id = $1", [filed.id])[0].decode(
                            "last_error")
                    #expect(error?.contains("certificate") == true, "\(error ?? "nil")")
                    #expect(try receiver.deliveries().isEmpty)
                }
            }
        }
    }
}
