import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// A real multi-sector request, filed through the submission service, driven to approval with the CLI alone.
@Suite("Clerk CLI drives a request end to end")
struct ClerkWorkflowEndToEndTests {
    typealias E2E = ClerkEndToEndTests

    @Test("request-info, the citizen's reply, approval, forward and show, from submission to approval")
    func waterConnection() throws {
        try E2E.withServer { world, url in
            let water = try E2E.session(
                world, url: url,
                ["--name", "wafa", "--role", "clerk", "--municipality", "BEN", "--sector", "water_sanitation"])
            let roads = try E2E.session(
                world, url: url,
                ["--name", "rami", "--role", "clerk", "--municipality", "BEN", "--sector", "roads_lighting"])
            let finance = try E2E.session(
                world, url: url, ["--name", "fadi", "--role", "clerk", "--municipality", "BEN", "--sector", "finance"])
            let submission = Submission(
                service: "water_connection", municipality: "BEN",
                applicant: .init(name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678"),
                fields: [
                    "property_location": .object(["lat": .number(32.1), "long": .number(20.07)]),
                    "property_type": .string("house"), "pipe_diameter": .string("d15"), "occupants": .number(4),
                    "contact_phone": .string("0912345678"),
                ]
            )
            let receipt = try world.services.submissions.submit(
                submission, channel: .api, idempotencyKey: nil, at: Date()
            )
            .receipt
            let tracking = receipt.trackingNumber

            let first = try E2E.nafidha(["claim", "--next", "--json"], environment: water).json()
            let taskID = try #require(first["id"] as? Int)
            let asked = try E2E.nafidha(
                ["request-info", "\(taskID)", "--message", "Which floor?", "--json"], environment: water)
            #expect(try asked.json()["status"] as? String == "awaiting_citizen")
            let requestID: Int64 = try world.query("SELECT id FROM requests WHERE tracking_number = $1", [tracking])[0]
                .decode("id")
            let citizen = try world.services.tracking.authenticate(tracking: tracking, token: receipt.accessToken)
            _ = try world.engine.reply(for: citizen, message: "Ground floor")
            let back = try E2E.nafidha(["queue", "--json"], environment: water).json()
            #expect((back["tasks"] as? [Any])?.isEmpty == true)
            // Personal data while the clerk holds the request's task (after the decision it is 404, see below).
            let shown = try E2E.nafidha(["show", tracking, "--json"], environment: water)
            #expect(shown.code == 0)
            #expect(try shown.json()["applicant_name"] as? String == "Amal Ben Salem")
            let viewed: Int = try world.query(
                "SELECT count(*)::int AS n FROM audit_events WHERE action = 'personal_data_viewed' AND actor = 'wafa'")[
                    0
                ].decode("n")
            #expect(viewed == 1)
            let approved = try E2E.nafidha(["approve", "\(taskID)", "--json"], environment: water)
            #expect(approved.code == 0, "\(approved.error)")
            #expect(try approved.json()["status"] as? String == "approved")

            let second = try E2E.nafidha(["claim", "--next", "--json"], environment: roads).json()
            let roadsTask = try #require(second["id"] as? Int)
            let stale = try E2E.nafidha(
                ["forward", "\(roadsTask)", "--to", "finance", "--reason", "fees first", "--version", "1"],
                environment: roads)
            #expect(stale.code == 1 && stale.error.contains("task_changed"))
            let forwarded = try E2E.nafidha(
                ["forward", "\(roadsTask)", "--to", "finance", "--reason", "fees first", "--json"], environment: roads)
            #expect(try forwarded.json()["sector"] as? String == "finance")
            let moved = try E2E.nafidha(["claim", "--next", "--json"], environment: finance).json()
            #expect(moved["id"] as? Int == roadsTask)
            #expect(try E2E.nafidha(["approve", "\(roadsTask)"], environment: finance).code == 0)

            let status: String = try world.query("SELECT status FROM requests WHERE id = $1", [requestID])[0].decode(
                "status")
            #expect(status == "approved")
            let forwards: Int = try world.query(
                "SELECT count(*)::int AS n FROM audit_events WHERE action = 'forwarded'")[0].decode("n")
            #expect(forwards == 1)

            let decided = try E2E.nafidha(["show", tracking], environment: water)
            #expect(decided.code == 1 && decided.error.contains("request_not_found"))
            let outsider = try E2E.session(
                world, url: url, ["--name", "hala", "--role", "clerk", "--municipality", "BEN", "--sector", "health"])
            let refused = try E2E.nafidha(["show", tracking], environment: outsider)
            #expect(refused.code == 1 && refused.error.contains("request_not_found"))
            let notMine = try E2E.nafidha(["approve", "\(taskID)"], environment: outsider)
            #expect(notMine.code == 1 && notMine.error.contains("task_not_found"))
        }
    }

    @Test("note adds public and internal notes, approve --note keeps an internal one, and auditors cannot write")
    func notes() throws {
        try E2E.withServer { world, url in
            let water = try E2E.session(
                world, url: url,
                ["--name", "wafa", "--role", "clerk", "--municipality", "BEN", "--sector", "water_sanitation"])
            let auditor = try E2E.session(world, url: url, ["--name", "aziz", "--role", "auditor"])
            let submission = Submission(
                service: "water_connection", municipality: "BEN",
                applicant: .init(name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678"),
                fields: [
                    "property_location": .object(["lat": .number(32.1), "long": .number(20.07)]),
                    "property_type": .string("house"), "pipe_diameter": .string("d15"), "occupants": .number(4),
                    "contact_phone": .string("0912345678"),
                ]
            )
            let tracking = try SubmissionService(pool: world.pool).submit(
                submission, channel: .api, idempotencyKey: nil, at: Date()
            )
            .receipt.trackingNumber
            let task = try #require(
                try E2E.nafidha(["claim", "--next", "--json"], environment: water).json()["id"] as? Int)
            let approved = try E2E.nafidha(
                ["approve", "\(task)", "--note", "Meter checked on site"], environment: water)
            #expect(approved.code == 0, "\(approved.error)")
            let publicNote = try E2E.nafidha(
                ["note", tracking, "--text", "Works start Sunday", "--public"], environment: water)
            #expect(publicNote.code == 0, "\(publicNote.error)")
            #expect(publicNote.output.contains("Added public note"))
            let refused = try E2E.nafidha(["note", tracking, "--text", "x"], environment: auditor)
            #expect(refused.code == 1 && refused.error.contains("read_only_role"))
            let usage = try E2E.nafidha(["note", tracking], environment: water)
            #expect(usage.code == 64)

            let rows = try world.query(
                "SELECT body, public FROM request_messages WHERE kind = 'note' ORDER BY id"
            ).map { (try $0.decode("body", as: String.self), try $0.decode("public", as: Bool.self)) }
            #expect(rows.map(\.0) == ["Meter checked on site", "Works start Sunday"])
            #expect(rows.map(\.1) == [false, true])
        }
    }
}
