import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The transactional outbox: every citizen-visible change writes its event and messages in its own transaction
/// (docs/notifications.md, "Events").
@Suite("Notification outbox")
struct NotificationOutboxTests {
    @Test("a submission writes request.submitted and, by default, an SMS and an e-mail in the request's language")
    func submission() throws {
        try NotificationWorld.with { world in
            let filed = try world.file(extra: ["language": .string("ar")])
            let events = try world.events(of: filed)
            #expect(events.map(\.type) == ["request.submitted"])
            #expect(events[0].data.contains(#""status": "submitted""#) && events[0].data.contains(filed.tracking))
            #expect(!events[0].data.contains("Amal") && !events[0].data.contains("+218"))
            let sent = try world.notifications(of: filed)
            #expect(sent.map(\.channel) == ["sms", "email"] && sent.allSatisfy { $0.language == "ar" })
            #expect(sent.map(\.recipient) == ["+218912345678", "amal@example.ly"])
            #expect(sent.allSatisfy { $0.state == "pending" })
        }
    }

    @Test("the language defaults to the caller's (Accept-Language); notify picks the channels")
    func choices() throws {
        try NotificationWorld.with { world in
            let french = try world.file(language: .french)
            #expect(try world.notifications(of: french).map(\.language) == ["fr", "fr"])
            let smsOnly = try world.file(extra: ["notify": .object(["email": .bool(false)])])
            #expect(try world.notifications(of: smsOnly).map(\.channel) == ["sms"])
            let none = try world.file(extra: ["notify": .object(["sms": .bool(false), "email": .bool(false)])])
            #expect(try world.notifications(of: none).isEmpty && world.events(of: none).count == 1)
            let noEmail = try world.file(email: nil)
            #expect(try world.notifications(of: noEmail).map(\.channel) == ["sms"])
            let stored = try world.world.query(
                "SELECT language, notify_sms, notify_email FROM requests WHERE id = $1", [smsOnly.id])[0]
            #expect(try stored.decode("notify_sms", as: Bool.self) && !stored.decode("notify_email", as: Bool.self))
        }
    }

    @Test("a bad language, a channel without its contact, an invalid e-mail or phone: 422 naming the field")
    func refusals() throws {
        try NotificationWorld.with { world in
            func fields(_ body: () throws -> Void) -> [String] {
                do {
                    try body()
                } catch let error as NafidhaError {
                    return error.fields.keys.sorted()
                } catch {}
                return []
            }
            #expect(fields { _ = try world.file(extra: ["language": .string("de")]) } == ["language"])
            #expect(
                fields { _ = try world.file(email: nil, extra: ["notify": .object(["email": .bool(true)])]) } == [
                    "notify.email"
                ])
            #expect(
                fields { _ = try world.file(extra: ["notify": .object(["sms": .string("yes")])]) } == ["notify.sms"])
            #expect(fields { _ = try world.file(extra: ["notify": .object(["fax": .bool(true)])]) } == ["notify.fax"])
            #expect(fields { _ = try world.file(email: "not-an-address") } == ["applicant.email"])
            #expect(fields { _ = try world.file(phone: "12") } == ["applicant.phone"])
            let events = try world.world.query("SELECT count(*) AS n FROM notification_events")[0]
            #expect(try events.decode("n", as: Int64.self) == 0)
        }
    }

    @Test("Arabic-Indic digits typed in the phone are remembered for the Arabic texts")
    func typedDigits() throws {
        try NotificationWorld.with { world in
            let typed = try world.file(phone: "٠٩١٢٣٤٥٦٧٨")
            let plain = try world.file()
            let rows = try world.world.query(
                "SELECT id, arabic_digits FROM requests WHERE id = ANY ($1::bigint[]) ORDER BY id",
                [[typed.id, plain.id]])
            #expect(try rows.map { try $0.decode("arabic_digits", as: Bool.self) } == [true, false])
        }
    }

    @Test("request-info, reply and approval each write their event, with the task and the text by reference only")
    func engineEvents() throws {
        try NotificationWorld.with { world in
            let filed = try world.file()
            let clerk = try world.clerk("amal.t")
            let task = try world.tasks(of: filed)[0]
            _ = try world.engine.claim(task: task, by: clerk)
            #expect(try world.events(of: filed).count == 1)
            _ = try world.engine.requestInformation(task: task, by: clerk, message: "Send the lease contract.")
            try world.engine.reply(for: world.citizen(filed), message: "Attached, my phone is 0912345678.")
            _ = try world.engine.approve(task: task, by: clerk, note: "internal: checked")
            let events = try world.events(of: filed)
            #expect(
                events.map(\.type) == [
                    "request.submitted", "request.info_requested", "request.reply_received", "request.approved",
                ])
            #expect(events.dropFirst().allSatisfy { $0.taskID == task })
            #expect(events[1].messageID != nil && events[2].messageID != nil && events[3].messageID == nil)
            #expect(events.allSatisfy { !$0.data.contains("lease contract") && !$0.data.contains("0912345678") })
            #expect(events[1].data.contains(#""status": "awaiting_citizen""#))
            #expect(events[3].data.contains(#""previous_status": "in_review""#))
            let types = try world.notifications(of: filed).map { "\($0.type)/\($0.channel)" }
            #expect(
                types == [
                    "request.submitted/sms", "request.submitted/email", "request.info_requested/sms",
                    "request.info_requested/email", "request.reply_received/sms", "request.reply_received/email",
                    "request.approved/sms", "request.approved/email",
                ])
        }
    }

    @Test("a completed stage, a rejection, a cancellation and a public note are events; an internal note is not")
    func moreEvents() throws {
        try NotificationWorld.with { world in
            let clerk = try world.clerk("amal.t")
            let permit = try world.file("building_permit")
            let stage1 = Array(try world.tasks(of: permit).prefix(2))
            for task in stage1 {
                _ = try world.engine.claim(task: task, by: clerk)
                _ = try world.engine.approve(task: task, by: clerk)
            }
            _ = try world.engine.addNote(tracking: permit.tracking, text: "internal", isPublic: false, by: clerk)
            _ = try world.engine.addNote(
                tracking: permit.tracking, text: "Your file is complete.", isPublic: true, by: clerk)
            let next = try world.tasks(of: permit)[2]
            _ = try world.engine.claim(task: next, by: clerk)
            _ = try world.engine.reject(task: next, by: clerk, reason: "No water network here.")
            let events = try world.events(of: permit)
            #expect(
                events.map(\.type) == [
                    "request.submitted", "request.stage_completed", "request.note_added", "request.rejected",
                ])
            #expect(events[1].data.contains(#""next_stage": 2"#) && events[1].data.contains(#""stage": 1"#))
            #expect(events[3].messageID != nil && events[3].taskID == next)
            let cancelled = try world.file()
            try world.engine.cancel(for: world.citizen(cancelled))
            #expect(try world.events(of: cancelled).map(\.type) == ["request.submitted", "request.cancelled"])
        }
    }

    @Test("webhook subscriptions get the events their filters match, in the same transaction")
    func webhookFanOut() throws {
        try NotificationWorld.with { world in
            let all = try world.services.webhooks.create(
                url: "http://127.0.0.1:9/all", eventTypes: [], municipalities: [], sectors: [],
                includePersonalData: false)
            let approvals = try world.services.webhooks.create(
                url: "http://127.0.0.1:9/approved", eventTypes: ["request.approved"], municipalities: ["BEN"],
                sectors: [], includePersonalData: false)
            _ = try world.services.webhooks.create(
                url: "http://127.0.0.1:9/tripoli", eventTypes: [], municipalities: ["TRP"], sectors: [],
                includePersonalData: false)
            _ = try world.services.webhooks.create(
                url: "http://127.0.0.1:9/health", eventTypes: [], municipalities: [], sectors: ["health"],
                includePersonalData: false)
            let deleted = try world.services.webhooks.create(
                url: "http://127.0.0.1:9/gone", eventTypes: [], municipalities: [], sectors: [],
                includePersonalData: false)
            try world.services.webhooks.delete(id: deleted.webhook.id)
            let filed = try world.file(extra: ["notify": .object(["sms": .bool(false), "email": .bool(false)])])
            let clerk = try world.clerk("amal.t")
            let task = try world.tasks(of: filed)[0]
            _ = try world.engine.claim(task: task, by: clerk)
            _ = try world.engine.approve(task: task, by: clerk)
            let deliveries = try world.notifications(of: filed).map { "\($0.type)→\($0.webhook ?? 0)" }
            #expect(
                deliveries == [
                    "request.submitted→\(all.webhook.id)", "request.approved→\(all.webhook.id)",
                    "request.approved→\(approvals.webhook.id)",
                ])
        }
    }

    @Test("an escalation tells the municipality's supervisors with contacts, by SMS and e-mail, in their language")
    func escalation() throws {
        try NotificationWorld.with { world in
            try world.world.staff("salem", .supervisor, municipalities: ["BEN"])
            try world.world.staff("nour", .supervisor, municipalities: ["TRP"])
            try world.world.staff("quiet", .supervisor, municipalities: ["BEN"])
            _ = try world.services.staffContacts.set(
                name: "salem", email: "salem@ben.ly", phone: "+218 91 765 4321", language: .arabic)
            _ = try world.services.staffContacts.set(name: "nour", email: "nour@trp.ly", phone: nil, language: nil)
            let late = try world.world.request(in: "BEN", tasks: [.init(sector: "civil_registry", dueIn: -60)])
            #expect(try world.world.sweep.run().escalated == 1)
            let rows = try world.world.query(
                """
                SELECT e.type, n.channel, n.recipient, n.language FROM notifications n
                  JOIN notification_events e ON e.id = n.event_id WHERE n.request_id = $1 ORDER BY n.id
                """,
                [late.requestID])
            #expect(
                try rows.map {
                    "\(try $0.decode("type", as: String.self)) \(try $0.decode("channel", as: String.self)) \(try $0.decode("recipient", as: String.self)) \(try $0.decode("language", as: String.self))"
                }
                    == ["task.escalated sms +218917654321 ar", "task.escalated email salem@ben.ly ar"])
        }
    }

    @Test("a deadline within two working days is announced once, to the assignee of a claimed task")
    func deadlines() throws {
        try NotificationWorld.with { world in
            let clerk = try world.clerk("amal.t")
            _ = try world.services.staffContacts.set(
                name: "amal.t", email: "amal.t@ben.ly", phone: nil, language: .french)
            let soon = try world.world.request(in: "BEN", tasks: [.init(sector: "civil_registry", dueIn: 3600)])
            let far = try world.world.request(in: "BEN", tasks: [.init(sector: "health", dueIn: 30 * 86_400)])
            _ = try world.engine.claim(task: soon.taskIDs[0], by: clerk)
            #expect(try world.world.sweep.run().deadlinesAnnounced == 1)
            #expect(try world.world.sweep.run().deadlinesAnnounced == 0)
            let rows = try world.world.query(
                """
                SELECT e.type, e.task_id, n.recipient, n.language FROM notification_events e
                  JOIN notifications n ON n.event_id = e.id WHERE e.request_id = ANY ($1::bigint[])
                """,
                [[soon.requestID, far.requestID]])
            #expect(rows.count == 1)
            #expect(try rows[0].decode("task_id", as: Int64.self) == soon.taskIDs[0])
            #expect(try rows[0].decode("recipient", as: String.self) == "amal.t@ben.ly")
            #expect(try rows[0].decode("language", as: String.self) == "fr")
        }
    }
}
