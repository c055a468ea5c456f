import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The delivery workers against a real local SMS gateway and webhook receiver (our HTTP server) and a recording
/// e-mail sender (NotificationMailTests sends through SMTP): what arrives, in what order, signed how, and what
/// happens when receivers fail (docs/notifications.md, "Delivery").
@Suite("Notification delivery")
struct NotificationDeliveryTests {
    @Test("submission, request-info, reply, approval: SMS, e-mails and webhooks arrive in order, in Arabic, signed")
    func wholeFlow() throws {
        try NotificationWorld.with { world in
            try HTTPReceiver.with { gateway in
                try HTTPReceiver.with { hook in
                    let mail = RecordingEmailSender()
                    let subscription = try world.services.webhooks.create(
                        url: hook.url("/events"), eventTypes: [], municipalities: ["BEN"], sectors: [],
                        includePersonalData: false)
                    try DeliveryHarness.with(
                        world, channels: try DeliveryHarness.channels(sms: gateway.url("/sms"), email: mail)
                    ) { _ in
                        let filed = try world.file(extra: ["language": .string("ar")])
                        let clerk = try world.clerk("amal.t")
                        let task = try world.tasks(of: filed)[0]
                        _ = try world.engine.claim(task: task, by: clerk)
                        _ = try world.engine.requestInformation(task: task, by: clerk, message: "أرسل عقد الإيجار.")
                        try world.engine.reply(for: world.citizen(filed), message: "أرسلته.")
                        _ = try world.engine.approve(task: task, by: clerk)
                        #expect(try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["sent": 12] })

                        let sms = gateway.requests
                        #expect(
                            sms.count == 4 && sms.allSatisfy { $0.header("Authorization") == "Bearer gateway-secret" })
                        let texts = sms.map { $0.json["text"] as? String ?? "" }
                        let statuses = ["تم الاستلام", "بانتظار ردك", "قيد الدراسة", "تمت الموافقة"]
                        for (text, status) in zip(texts, statuses) {
                            #expect(text.hasPrefix("\(filed.tracking): \(status)"), "\(text)")
                        }
                        #expect(texts[1].contains("أرسل عقد الإيجار."))
                        #expect(
                            sms.allSatisfy {
                                $0.json["to"] as? String == "+218912345678" && $0.json["language"] as? String == "ar"
                            })

                        #expect(
                            mail.messages.map(\.subject) == [
                                "تم استلام الطلب \(filed.tracking)", "الطلب \(filed.tracking): مطلوب معلومات",
                                "الطلب \(filed.tracking): تم استلام ردك", "تمت الموافقة على الطلب \(filed.tracking)",
                            ])
                        #expect(
                            mail.messages.allSatisfy { $0.html.contains(#"dir="rtl""#) && $0.from == "guichet@ben.ly" })

                        let deliveries = hook.requests
                        #expect(
                            deliveries.map { $0.json["type"] as? String ?? "" } == [
                                "request.submitted", "request.info_requested", "request.reply_received",
                                "request.approved",
                            ])
                        for delivery in deliveries {
                            #expect(
                                WebhookSignature.verify(
                                    id: delivery.header("webhook-id") ?? "",
                                    timestamp: delivery.header("webhook-timestamp") ?? "",
                                    body: delivery.body, signatureHeader: delivery.header("webhook-signature") ?? "",
                                    secret: subscription.secret.bytes))
                            #expect(!delivery.text.contains("Amal") && !delivery.text.contains("عقد"))
                        }
                        let ids = try world.world.query(
                            "SELECT message_id::text AS message FROM notifications WHERE channel = 'webhook' ORDER BY id"
                        ).map { try $0.decode("message", as: String.self) }
                        #expect(deliveries.map { $0.header("webhook-id") ?? "" } == ids)
                        #expect(sms.map { $0.json["id"] as? String ?? "" }.allSatisfy { UUID(uuidString: $0) != nil })
                    }
                }
            }
        }
    }

    @Test("a gateway answering 500 is retried until it accepts; every attempt is recorded")
    func retriesServerErrors() throws {
        try NotificationWorld.with { world in
            try HTTPReceiver.with(answer: { _, index in .init(index < 2 ? 500 : 202) }) { gateway in
                try DeliveryHarness.with(world, channels: try DeliveryHarness.channels(sms: gateway.url())) { _ in
                    let filed = try world.file(email: nil)
                    #expect(try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["sent": 1] })
                    #expect(
                        try DeliveryHarness.attempts(world, filed, channel: "sms") == [
                            "retry 500", "retry 500", "sent 202",
                        ])
                    #expect(Set(gateway.requests.map { $0.json["id"] as? String ?? "" }).count == 1)
                }
            }
        }
    }

    @Test(
        "429 is retried no sooner than its Retry-After; 400 and a redirect are dead at once, the redirect not followed")
    func throttlingAndRefusals() throws {
        try NotificationWorld.with { world in
            try HTTPReceiver.with { elsewhere in
                // Each receiver counts its own requests: the throttling one answers 429 to its first only.
                let throttle = try HTTPReceiver { _, index in
                    index == 0 ? .init(429, headers: [("Retry-After", "2")]) : .init(200)
                }
                defer { throttle.shutdown() }
                let answers: @Sendable (HTTPReceiver.Received, Int) -> HTTPReceiver.Answer = { request, _ in
                    request.target == "/refused"
                        ? .init(400) : .init(302, headers: [("Location", elsewhere.url("/taken"))])
                }
                try HTTPReceiver.with(answer: answers) { hook in
                    for url in [throttle.url("/throttled"), hook.url("/refused"), hook.url("/moved")] {
                        _ = try world.services.webhooks.create(
                            url: url, eventTypes: [], municipalities: [], sectors: [], includePersonalData: false)
                    }
                    try DeliveryHarness.with(world, channels: try DeliveryHarness.channels(sms: nil)) { _ in
                        let filed = try world.file(extra: [
                            "notify": .object(["sms": .bool(false), "email": .bool(false)])
                        ])
                        #expect(
                            try DeliveryHarness.eventually {
                                try DeliveryHarness.states(world) == ["sent": 1, "dead": 2]
                            })
                        let rows = try world.world.query(
                            """
                            SELECT w.url, n.state, n.last_status_code, n.last_error,
                                   extract(epoch FROM max(a.started_at) - min(a.started_at))::float8 AS spread
                              FROM notifications n JOIN webhooks w ON w.id = n.webhook_id
                              JOIN notification_attempts a ON a.notification_id = n.id
                             WHERE n.request_id = $1 GROUP BY w.url, n.state, n.last_status_code, n.last_error ORDER BY w.url
                            """, [filed.id])
                        let byPath = Dictionary(
                            uniqueKeysWithValues: try rows.map { (try $0.decode("url", as: String.self), $0) })
                        #expect(try byPath[throttle.url("/throttled")]?.decode("state", as: String.self) == "sent")
                        #expect(try (byPath[throttle.url("/throttled")]?.decode("spread", as: Double.self) ?? 0) >= 2)
                        #expect(throttle.requests.count == 2)
                        #expect(try byPath[hook.url("/refused")]?.decode("last_status_code", as: Int.self) == 400)
                        let moved = try #require(byPath[hook.url("/moved")])
                        #expect(try moved.decode("state", as: String.self) == "dead")
                        #expect(try moved.decode("last_error", as: String.self).contains("not followed"))
                        #expect(elsewhere.requests.isEmpty)
                    }
                }
            }
        }
    }

    @Test("a gateway that never answers times out and is retried; requests go on meanwhile")
    func silentGateway() throws {
        try NotificationWorld.with { world in
            try HTTPReceiver.with(answer: { _, _ in .init(200, delay: 3) }) { gateway in
                try DeliveryHarness.with(world, channels: try DeliveryHarness.channels(sms: gateway.url())) { _ in
                    let first = try world.file(email: nil)
                    #expect(
                        try DeliveryHarness.eventually {
                            try DeliveryHarness.attempts(world, first, channel: "sms").count >= 2
                        })
                    let outcome = try world.world.query(
                        "SELECT state, last_error FROM notifications WHERE request_id = $1", [first.id])[0]
                    #expect(try outcome.decode("state", as: String.self) == "pending")
                    #expect(try outcome.decode("last_error", as: String.self).contains("timed out"))
                    let second = try world.file(email: nil)
                    #expect(try world.notifications(of: second).map(\.state) == ["pending"])
                }
            }
        }
    }

    @Test("the gateway down for a while, then back: everything arrives, in order, each once")
    func gatewayDownThenBack() throws {
        try NotificationWorld.with { world in
            let closed = try HTTPReceiver()
            let port = closed.port
            closed.shutdown()
            try DeliveryHarness.with(world, channels: try DeliveryHarness.channels(sms: "http://127.0.0.1:\(port)/sms"))
            { _ in
                let filed = try world.file(email: nil)
                let clerk = try world.clerk("amal.t")
                let task = try world.tasks(of: filed)[0]
                _ = try world.engine.claim(task: task, by: clerk)
                _ = try world.engine.requestInformation(task: task, by: clerk, message: "Which floor?")
                #expect(
                    try DeliveryHarness.eventually {
                        try DeliveryHarness.attempts(world, filed, channel: "sms").count >= 2
                    })
                // Only the first message was tried: the second waits for it, so they cannot arrive out of order.
                #expect(
                    try Set(
                        world.world.query(
                            "SELECT a.notification_id FROM notification_attempts a JOIN notifications n ON n.id = a.notification_id WHERE n.request_id = $1",
                            [filed.id]
                        ).map { try $0.decode("notification_id", as: Int64.self) }
                    ).count == 1)
                try HTTPReceiver.with(port: port) { gateway in
                    let delivered = try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["sent": 2] }
                    #expect(delivered)
                    #expect(
                        gateway.requests.map { ($0.json["text"] as? String ?? "").contains("Which floor?") } == [
                            false, true,
                        ])
                }
            }
        }
    }

    @Test("an e-mail refused for good is dead; a temporary failure is retried")
    func emailFailures() throws {
        try NotificationWorld.with { world in
            let mail = RecordingEmailSender { index in
                switch index {
                case 0: EmailDeliveryError(permanent: true, code: 550, message: "550 no such mailbox")
                case 1: EmailDeliveryError(permanent: false, code: 451, message: "451 try later")
                default: nil
                }
            }
            try DeliveryHarness.with(world, channels: try DeliveryHarness.channels(sms: nil, email: mail)) { _ in
                let emailOnly: [String: JSONValue] = ["notify": .object(["sms": .bool(false)])]
                let refused = try world.file(email: "nobody@ben.ly", extra: emailOnly)
                #expect(try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["dead": 1] })
                let retried = try world.file(email: "amal@example.ly", extra: emailOnly)
                #expect(try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["dead": 1, "sent": 1] })
                #expect(try DeliveryHarness.attempts(world, refused, channel: "email") == ["failed 550"])
                #expect(try DeliveryHarness.attempts(world, retried, channel: "email") == ["retry 451", "sent -"])
                #expect(mail.messages[1].messageID == mail.messages[2].messageID)
                #expect(
                    mail.messages[2].messageID.hasPrefix("<nafidha.")
                        && mail.messages[2].messageID.hasSuffix("@ben.ly>"))
            }
        }
    }

    @Test("two dispatchers on one database deliver every notification, each once")
    func twoServers() throws {
        try NotificationWorld.with { world in
            try HTTPReceiver.with(answer: { _, _ in .init(200, delay: 0.02) }) { gateway in
                let channels = try DeliveryHarness.channels(sms: gateway.url())
                var filed: [NotificationWorld.Filed] = []
                for _ in 0..<40 { filed.append(try world.file(email: nil)) }
                let delivered = try DeliveryHarness.with(world, channels: channels) { _ in
                    try DeliveryHarness.with(world, channels: channels) { _ in
                        try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["sent": 40] }
                    }
                }
                #expect(delivered)
                let ids = gateway.requests.map { $0.json["id"] as? String ?? "" }
                #expect(ids.count == 40 && Set(ids).count == 40)
            }
        }
    }

    @Test("redelivering a notification sends it again with the same message id")
    func redelivery() throws {
        try NotificationWorld.with { world in
            try HTTPReceiver.with { gateway in
                try DeliveryHarness.with(world, channels: try DeliveryHarness.channels(sms: gateway.url())) { _ in
                    _ = try world.file(email: nil)
                    #expect(try DeliveryHarness.eventually { gateway.requests.count == 1 })
                    let id = try world.world.query("SELECT id FROM notifications")[0].decode("id", as: Int64.self)
                    #expect(try DeliveryHarness.eventually { try DeliveryHarness.states(world) == ["sent": 1] })
                    let again = try world.services.notifications.redeliver(id: id)
                    #expect(again.state == .pending)
                    #expect(try DeliveryHarness.eventually { gateway.requests.count == 2 })
                    #expect(gateway.requests[0].json["id"] as? String == gateway.requests[1].json["id"] as? String)
                    expectError("notification_not_found") {
                        _ = try world.services.notifications.redeliver(id: id + 1000)
                    }
                }
            }
        }
    }

    @Test("a subscription with personal data gets the applicant and the texts; the feed never does")
    func personalData() throws {
        try NotificationWorld.with { world in
            try HTTPReceiver.with { hook in
                _ = try world.services.webhooks.create(
                    url: hook.url(), eventTypes: ["request.info_requested"], municipalities: [], sectors: [],
                    includePersonalData: true)
                try DeliveryHarness.with(world, channels: try DeliveryHarness.channels(sms: nil)) { _ in
                    let filed = try world.file(extra: ["notify": .object(["sms": .bool(false), "email": .bool(false)])])
                    let clerk = try world.clerk("amal.t")
                    let task = try world.tasks(of: filed)[0]
                    _ = try world.engine.claim(task: task, by: clerk)
                    _ = try world.engine.requestInformation(task: task, by: clerk, message: "Send the lease.")
                    #expect(try DeliveryHarness.eventually { hook.requests.count == 1 })
                    let data = try #require(hook.requests[0].json["data"] as? [String: Any])
                    let applicant = try #require(data["applicant"] as? [String: Any])
                    #expect(
                        applicant["name"] as? String == "Amal Ben Salem"
                            && applicant["phone"] as? String == "+218912345678")
                    #expect(data["message"] as? String == "Send the lease.")
                }
            }
        }
    }
}
