import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

/// The e-mail channel end to end: a submission's notification goes through the outbox, the dispatcher and the
/// Mail module's SMTP client to a real aiosmtpd server, and the server's answers decide retries and dead letters.
@Suite("Notification e-mails over SMTP", .enabled(if: SMTPReceiver.isAvailable, "python3-aiosmtpd is not installed"))
struct NotificationMailTests {
    /// The channels with e-mail only, through `SMTPEmailSender` to `server`.
    static func channels(_ server: SMTPReceiver) throws -> NotificationChannels {
        let sender = try #require(
            try SMTPEmailSender.configured(by: [
                "NAFIDHA_SMTP_URL": "smtp://127.0.0.1:\(server.port)",
                "NAFIDHA_MAIL_FROM": "بلدية بنغازي <guichet@ben.ly>",
                "NAFIDHA_SMTP_CONNECT_TIMEOUT_SECONDS": "10", "NAFIDHA_SMTP_COMMAND_TIMEOUT_SECONDS": "10",
            ]))
        var channels = try DeliveryHarness.channels(sms: nil)
        channels.email = .init(sender: sender, from: sender.fromAddress)
        channels.webhooks = false
        return channels
    }

    static let emailOnly: [String: JSONValue] = [
        "language": .string("ar"), "notify": .object(["sms": .bool(false), "email": .bool(true)]),
    ]

    @Test("a submission's e-mail arrives: multipart text and right-to-left HTML, the Arabic subject, its Message-ID")
    func submissionArrives() throws {
        try NotificationWorld.with { world in
            try SMTPReceiver.with { server in
                try DeliveryHarness.with(world, channels: try Self.channels(server)) { _ in
                    let filed = try world.file(email: "amal@example.ly", extra: Self.emailOnly)
                    #expect(try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["sent": 1] })
                    let messages = try server.messages()
                    try #require(messages.count == 1)
                    let message = messages[0]
                    #expect(message["subject"] as? String == "تم استلام الطلب \(filed.tracking)")
                    #expect(message["to_addresses"] as? [String] == ["amal@example.ly"])
                    #expect(message["from_addresses"] as? [String] == ["guichet@ben.ly"])
                    #expect(message["content_type"] as? String == "multipart/alternative")
                    #expect(message["content_language"] as? String == "ar")
                    #expect((message["defects"] as? [String])?.isEmpty == true)
                    let parts = message["parts"] as? [[String: Any]] ?? []
                    #expect(parts.map { $0["content_type"] as? String } == ["text/plain", "text/html"])
                    #expect((parts.first?["text"] as? String)?.contains(filed.tracking) == true)
                    #expect((parts.last?["text"] as? String)?.contains(#"dir="rtl""#) == true)
                    let id: String = try world.world.query(
                        "SELECT message_id::text AS id FROM notifications WHERE request_id = $1", [filed.id])[0]
                        .decode("id")
                    #expect(message["message_id"] as? String == "<nafidha.\(id)@ben.ly>")
                }
            }
        }
    }

    @Test("451 at the end of DATA is retried; 554 is dead-lettered at once")
    func failureClasses() throws {
        try NotificationWorld.with { world in
            try SMTPReceiver.with(["--defer-message"]) { server in
                try DeliveryHarness.with(world, channels: try Self.channels(server)) { _ in
                    let filed = try world.file(email: "amal@example.ly", extra: Self.emailOnly)
                    #expect(
                        try DeliveryHarness.eventually {
                            try DeliveryHarness.attempts(world, filed, channel: "email").count >= 2
                        })
                    let attempts = try DeliveryHarness.attempts(world, filed, channel: "email")
                    #expect(attempts.allSatisfy { $0 == "retry 451" }, "\(attempts)")
                    #expect(try DeliveryHarness.states(world) == ["pending": 1])
                }
            }
        }
        try NotificationWorld.with { world in
            try SMTPReceiver.with(["--refuse-message"]) { server in
                try DeliveryHarness.with(world, channels: try Self.channels(server)) { _ in
                    let filed = try world.file(email: "amal@example.ly", extra: Self.emailOnly)
                    #expect(try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["dead": 1] })
                    #expect(try DeliveryHarness.attempts(world, filed, channel: "email") == ["failed 554"])
                    #expect(try server.messages().isEmpty)
                }
            }
        }
    }
}
