import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The operator's notification commands, run in-process on a real database.
@Suite("nafidha admin: webhooks, notifications, contacts")
struct NotificationAdminCommandTests {
    @Test("create-webhook prints the id and a whsec_ secret once; list-webhooks shows it; delete-webhook ends it")
    func webhooks() throws {
        try TestDatabase.withDemoCatalog { database in
            let url = ["--database-url", database.url]
            let created = runNafidha(
                [
                    "admin", "create-webhook", "--url", "http://crm.example.ly/hook", "--event", "request.approved",
                    "--event", "task.escalated", "--municipality", "BEN", "--include-personal-data",
                ] + url)
            #expect(created.code == 0, "\(created.error)")
            let lines = created.output.split(separator: "\n")
            #expect(lines.count == 2 && lines[0] == "id: 1" && lines[1].hasPrefix("secret: whsec_"))
            #expect(WebhookSecret(text: String(lines[1].dropFirst("secret: ".count)))?.bytes.count == 32)
            #expect(created.error.contains("shown only this once") && created.error.contains("personal data"))
            let listed = runNafidha(["admin", "list-webhooks"] + url)
            #expect(listed.code == 0 && listed.output.contains("http://crm.example.ly/hook"))
            #expect(listed.output.contains("request.approved,task.escalated") && !listed.output.contains("whsec_"))
            let refused = runNafidha(["admin", "create-webhook", "--url", "gopher://x/y"] + url)
            #expect(refused.code == 1 && refused.errorLines.count == 1)
            #expect(refused.error.hasPrefix("Error: Invalid webhook: the URL has the scheme ‘gopher’"))
            let credentials = runNafidha(["admin", "create-webhook", "--url", "https://me:pw@crm.example.ly/x"] + url)
            #expect(credentials.code == 1 && credentials.error.contains("holds credentials"))
            #expect(runNafidha(["admin", "create-webhook"] + url).code == 64)
            let deleted = runNafidha(["admin", "delete-webhook", "1"] + url)
            #expect(deleted.code == 0 && deleted.output.contains("Deleted webhook 1"))
            let again = runNafidha(["admin", "delete-webhook", "1"] + url)
            #expect(again.code == 1 && again.error == "Error: No active webhook has this id.\n")
            #expect(runNafidha(["admin", "list-webhooks"] + url).output == "No webhook subscriptions.\n")
        }
    }

    @Test("notifications counts each state, lists one state, and redeliver makes a dead one pending again")
    func notifications() throws {
        try StaffTestWorld.with { world in
            let url = ["--database-url", world.database.url]
            let submission = Submission(
                service: "residence_certificate", municipality: "BEN",
                applicant: .init(name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678"),
                fields: [
                    "national_id": .string("119850123456"), "address": .string("12 Sea Street"),
                    "resident_since": .string("2010-05-01"), "purpose": .string("employment"),
                ])
            let receipt = try world.services.submissions.submit(submission, channel: .api, idempotencyKey: nil).receipt
            try world.query(
                "UPDATE notifications SET state = 'dead', last_error = 'answered 400: no such number', last_status_code = 400"
            )
            let counts = runNafidha(["admin", "notifications"] + url)
            #expect(counts.code == 0 && counts.output == "pending: 0\nsent: 0\ndead: 1\n")
            let dead = runNafidha(["admin", "notifications", "--state", "dead", "--since", "2020-01-01"] + url)
            #expect(dead.output.contains(receipt.trackingNumber) && dead.output.contains("+21891*****78"))
            #expect(dead.output.contains("answered 400: no such number"))
            #expect(
                runNafidha(["admin", "notifications", "--state", "sent"] + url).output == "No sent notifications.\n")
            #expect(runNafidha(["admin", "notifications", "--state", "lost"] + url).code == 64)
            #expect(runNafidha(["admin", "notifications", "--since", "yesterday"] + url).code == 64)
            let id = try world.query("SELECT id FROM notifications")[0].decode("id", as: Int64.self)
            let redelivered = runNafidha(["admin", "redeliver", String(id)] + url)
            #expect(redelivered.code == 0 && redelivered.output.contains("is pending again"), "\(redelivered.error)")
            #expect(runNafidha(["admin", "notifications"] + url).output == "pending: 1\nsent: 0\ndead: 0\n")
            let missing = runNafidha(["admin", "redeliver", "999999"] + url)
            #expect(missing.code == 1 && missing.error == "Error: No notification has this id.\n")
        }
    }

    @Test("set-contact stores a supervisor's address, phone and language; bad values are refused")
    func contacts() throws {
        try StaffTestWorld.with { world in
            let url = ["--database-url", world.database.url]
            try world.staff("salem", .supervisor, municipalities: ["BEN"])
            let set = runNafidha(
                [
                    "admin", "set-contact", "salem", "--email", "salem@ben.ly", "--phone", "+218 91 765 4321",
                    "--language", "ar",
                ] + url)
            #expect(set.code == 0 && set.output == "salem: e-mail salem@ben.ly, phone +218917654321, language ar.\n")
            let cleared = runNafidha(["admin", "set-contact", "salem", "--phone", ""] + url)
            #expect(cleared.output == "salem: e-mail salem@ben.ly, phone none, language ar.\n")
            #expect(runNafidha(["admin", "set-contact", "salem", "--phone", "0912"] + url).code == 1)
            #expect(runNafidha(["admin", "set-contact", "salem", "--language", "de"] + url).code == 64)
            let unknown = runNafidha(["admin", "set-contact", "nobody", "--email", "a@b.ly"] + url)
            #expect(unknown.code == 1 && unknown.error.contains("nobody"))
        }
    }
}
