import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 18 end to end with the real binary and server: a counter clerk files a building permit for a citizen and
/// prints the receipt; the request is rejected, appealed, granted and approved.
@Suite("Counter filing and appeals end to end")
struct CounterAppealEndToEndTests {
    typealias E2E = ClerkEndToEndTests

    /// `nafidha file` for a building permit in `municipality`, with `extra` options.
    static func file(in municipality: String, _ extra: [String], environment: [String: String]) throws -> E2E.Run {
        try E2E.nafidha(
            [
                "file", "building_permit", "--municipality", municipality,
                "--field", #"parcel_location={"lat": 32.1, "long": 20.07}"#, "--field", "parcel_number=P-1/2",
                "--field", "building_use=residential", "--field", #"works=["new_building"]"#, "--field", "floors=2",
                "--field", "floor_area_m2=240", "--applicant-name", "أمل بن سالم", "--national-id", "119850123456",
                "--phone", "0912345678",
            ] + extra, environment: environment)
    }

    @Test("a counter clerk files for a citizen, prints the receipt; the rejection is appealed, granted, approved")
    func counterToApproval() throws {
        try E2E.withServer { world, url in
            let counter = try E2E.session(
                world, url: url,
                ["--name", "karima", "--role", "clerk", "--municipality", "BEN", "--sector", "urban_planning"])
            let supervisor = try E2E.session(
                world, url: url, ["--name", "salem", "--role", "supervisor", "--municipality", "BEN"])
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let htmlPath = folder.path + "/receipt.html"
            // Two documents the clerk scanned: uploaded by the command, then named by the filing.
            let deed = Array("%PDF-1.4\n% a title deed\n".utf8)
            let site: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64)
            FileManager.default.createFile(atPath: folder.path + "/deed.pdf", contents: Data(deed))
            FileManager.default.createFile(atPath: folder.path + "/site.png", contents: Data(site))

            let filed = try Self.file(
                in: "BEN",
                [
                    "--document", "ownership_deed=\(folder.path)/deed.pdf", "--document",
                    "site_plan=\(folder.path)/site.png", "--print", "--html", htmlPath,
                ], environment: counter)
            #expect(filed.code == 0, "\(filed.error)")
            let attached = try world.query(
                """
                SELECT u.document_type, u.media_type, u.size, encode(u.sha256, 'hex') AS sha256, e.actor
                  FROM uploads u JOIN audit_events e
                    ON e.request_id = u.request_id AND e.action = 'document_attached'
                   AND (e.details::jsonb ->> 'document')::bigint = u.id
                 ORDER BY u.document_type
                """)
            #expect(
                try attached.map { try $0.decode("document_type", as: String.self) } == ["ownership_deed", "site_plan"])
            #expect(
                try attached.map { try $0.decode("media_type", as: String.self) } == ["application/pdf", "image/png"])
            #expect(
                try attached.map { try $0.decode("size", as: Int64.self) } == [Int64(deed.count), Int64(site.count)])
            #expect(try attached.map { try $0.decode("actor", as: String.self) } == ["karima", "karima"])
            let row = try world.query(
                """
                SELECT r.id, r.tracking_number, r.channel, e.actor_kind, e.actor, e.details::text AS details
                  FROM requests r JOIN audit_events e ON e.request_id = r.id AND e.action = 'submitted'
                """)[0]
            let tracking: String = try row.decode("tracking_number")
            #expect(try row.decode("channel", as: String.self) == "counter")
            #expect(try row.decode("actor_kind", as: String.self) == "clerk")
            #expect(try row.decode("actor", as: String.self) == "karima")
            let details: String = try row.decode("details")
            #expect(details.contains(#""filed_by":"karima""#) && details.contains(#""filed_for":"\#(tracking)""#))
            // The printed receipt: Arabic first, the tracking number and the token isolated left to right.
            #expect(filed.output.hasPrefix("إيصال إيداع طلب"))
            #expect(filed.output.contains("رقم المتابعة / Tracking number: \u{2066}\(tracking)\u{2069}"))
            let tokenLine = try #require(filed.output.split(separator: "\n").first { $0.contains("Access token") })
            let token = String(tokenLine.split(separator: "\u{2066}")[1].dropLast())
            #expect(token.count == 43)
            let citizen = try world.services.tracking.authenticate(tracking: tracking, token: token)
            // The HTML receipt: right to left, readable by its owner alone, the token in it.
            var info = stat()
            #expect(stat(htmlPath, &info) == 0 && info.st_mode & 0o777 == 0o600)
            let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
            #expect(html.contains(#"dir="rtl""#) && html.contains(#"<bdi dir="ltr">\#(token)</bdi>"#))

            // Nobody works Benghazi's civil defence queue: the supervisor's queue listing says so.
            let queue = try E2E.nafidha(["queue"], environment: supervisor)
            #expect(queue.code == 0, "\(queue.error)")
            let warnings = queue.output.split(separator: "\n").filter { $0.hasPrefix("Warning: nobody can claim") }
            #expect(warnings.count == 1 && warnings.first?.contains("(civil_defence)") == true, "\(queue.output)")
            let listed = try E2E.nafidha(["queue", "--json"], environment: supervisor).json()
            let queues = try #require(listed["queues"] as? [[String: Any]])
            #expect(
                queues.filter { $0["unwatched"] as? Bool == true }.map { $0["sector"] as? String } == ["civil_defence"])

            // Outside the clerk's municipality: refused, nothing filed.
            let outside = try Self.file(in: "TRP", [], environment: counter)
            #expect(outside.code == 1 && outside.error.contains("out_of_scope"), "\(outside.error)")
            #expect(try world.query("SELECT count(*)::int AS n FROM requests")[0].decode("n", as: Int.self) == 1)

            // The urban planning clerk rejects; the applicant appeals.
            let task = try E2E.nafidha(["claim", "--next", "--json"], environment: counter).json()
            let taskID = try #require(task["id"] as? Int)
            #expect(try E2E.nafidha(["reject", "\(taskID)", "--reason", "Setback"], environment: counter).code == 0)
            try world.engine.appeal(for: citizen, reason: "The setback is 4 m, see the survey.")

            let clerkList = try E2E.nafidha(["appeals"], environment: counter)
            #expect(clerkList.code == 1 && clerkList.error.contains("supervisor_only"))
            let list = try E2E.nafidha(["appeals", "--json"], environment: supervisor).json()
            let appeals = try #require(list["appeals"] as? [[String: Any]])
            #expect(appeals.count == 1)
            let appeal = try #require(appeals.first)
            #expect(appeal["tracking_number"] as? String == tracking && appeal["sector"] as? String == "urban_planning")
            #expect(appeal["task"] as? Int == taskID && appeal["status"] as? String == "pending")
            let appealID = try #require(appeal["id"] as? Int)

            let clerkGrant = try E2E.nafidha(["grant", "\(appealID)", "--reason", "ok"], environment: counter)
            #expect(clerkGrant.code == 1 && clerkGrant.error.contains("supervisor_only"))
            let granted = try E2E.nafidha(
                ["grant", "\(appealID)", "--reason", "The survey shows 4 m.", "--json"], environment: supervisor)
            #expect(granted.code == 0, "\(granted.error)")
            #expect(try granted.json()["status"] as? String == "granted")
            let again = try E2E.nafidha(["uphold", "\(appealID)", "--reason", "no"], environment: supervisor)
            #expect(again.code == 1 && again.error.contains("appeal_already_decided"))
            let reopened = try world.query(
                "SELECT t.status FROM tasks t JOIN requests r ON r.id = t.request_id ORDER BY t.stage_no, t.step_no"
            )
            .map { try $0.decode("status", as: String.self) }
            #expect(reopened == ["open", "open", "waiting", "waiting"])

            // The supervisor works every step to the approval.
            for _ in 0..<4 {
                let next = try E2E.nafidha(["claim", "--next", "--json"], environment: supervisor)
                let id = try #require(try next.json()["id"] as? Int, "\(next.error)")
                let approved = try E2E.nafidha(["approve", "\(id)"], environment: supervisor)
                #expect(approved.code == 0, "\(approved.error)")
            }
            let view = try world.services.tracking.view(tracking: tracking, token: token, language: .english)
            #expect(view.status == .approved)
            let events = view.timeline.map(\.event)
            #expect(events.contains(.appealed) && events.contains(.appealGranted))
            #expect(view.timeline.contains { $0.event == .appealGranted && $0.message == "The survey shows 4 m." })
            // Two decisions in the trail: the rejection, then the approval; the decision document is the latest.
            let decided: Int = try world.query(
                "SELECT count(*)::int AS n FROM audit_events WHERE action = 'decided'")[0].decode("n")
            #expect(decided == 2)

            // The appeals report counts it: filed, granted, decided on time.
            let report = try E2E.nafidha(["report", "appeals", "--format", "json"], environment: supervisor)
            #expect(report.code == 0, "\(report.error)")
            let rows = try #require(try report.json()["rows"] as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["sector"] as? String == "urban_planning" && rows.first?["filed"] as? Int == 1)
            #expect(rows.first?["granted"] as? Int == 1 && rows.first?["upheld"] as? Int == 0)
            #expect(rows.first?["on_time"] as? Int == 1 && rows.first?["pending"] as? Int == 0)
        }
    }

    @Test("bad usage of file, appeals, uphold and grant exits 64 before any call")
    func usage() {
        let base = [
            "file", "building_permit", "--municipality", "BEN", "--applicant-name", "Amal", "--national-id",
            "119850123456", "--phone", "0912345678",
        ]
        let cases: [[String]] = [
            ["file", "building_permit", "--applicant-name", "Amal", "--national-id", "1", "--phone", "2"],
            base + ["--field", "floors"],
            base + ["--field", "=2"],
            base + ["--field", "floors=2", "--field", "floors=3"],
            base + ["--field", "works=[new_building"],
            base + ["--print", "--json"],
            base + ["--document", "deed.pdf"],
            base + ["--document", "ownership_deed=deed.txt"],
            ["appeals", "--status", "maybe"],
            ["grant", "7"],
            ["uphold", "--reason", "no"],
        ]
        for arguments in cases {
            let run = runNafidha(arguments)
            #expect(run.code == 64 && run.error.contains("See 'nafidha \(arguments[0]) --help'."), "\(arguments)")
        }
    }
}
