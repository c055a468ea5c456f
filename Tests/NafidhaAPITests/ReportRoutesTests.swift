import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Reports and audit verification over HTTP")
struct ReportRoutesTests {
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole,
        municipalities: [String] = [], sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    @Test("auditors, supervisors and admins read reports in each format; clerks and strangers may not")
    func access() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let auditor = try bearer(world, "odette", .auditor)
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            #expect(try client.send("GET", "/v1/reports/sla").status == 401)
            let refused = try client.send("GET", "/v1/reports/sla", headers: clerk)
            #expect(refused.status == 403 && refused.errorCode == "reports_not_allowed")

            let json = try client.send("GET", "/v1/reports/sla?from=2026-11-01&to=2026-12-01", headers: auditor)
            #expect(json.status == 200)
            #expect(try json.object()["report"] as? String == "sla")
            let csv = try client.send(
                "GET", "/v1/reports/backlog?format=csv&excel=true", headers: auditor + [("Accept-Language", "fr")])
            #expect(csv.status == 200 && csv.headers.first(name: "Content-Type") == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("\u{FEFF}Municipalité,Secteur,Bureau,"))
            let html = try client.send(
                "GET", "/v1/reports/throughput?format=html&interval=week",
                headers: auditor + [("Accept-Language", "ar")])
            #expect(html.status == 200 && html.text.contains(#"dir="rtl""#))
            #expect(try client.send("GET", "/v1/reports/speed", headers: auditor).status == 404)
            #expect(
                try client.send("GET", "/v1/reports/sla?format=pdf", headers: auditor).errorCode == "invalid_parameter")
            #expect(
                try client.send("GET", "/v1/reports/sla?from=2026-12-01&to=2026-11-01", headers: auditor).errorCode
                    == "invalid_range")
        }
    }

    @Test("a scoped supervisor sees only their municipality")
    func scope() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let supervisor = try bearer(world, "samir", .supervisor, municipalities: ["TRP"])
            let narrowed = try client.send("GET", "/v1/reports/misroutes", headers: supervisor)
            #expect(narrowed.status == 200)
            let scoped = try narrowed.object()["municipality"] as? String
            #expect(scoped == "TRP")
            let other = try client.send("GET", "/v1/reports/sla?municipality=BEN", headers: supervisor)
            #expect(other.status == 403 && other.errorCode == "out_of_scope")
            let verify = try client.send("GET", "/v1/audit/verify", headers: supervisor).object()
            #expect((verify["chains"] as? [[String: Any]])?.map { $0["municipality"] as? String } == ["TRP"])
        }
    }

    @Test("an auditor verifies the live chains and cannot change anything: every staff write answers 403")
    func auditorsChangeNothing() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let auditor = try bearer(world, "odette", .auditor)
            try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let inserted = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")])
            let task = try #require(inserted.taskIDs.first)
            let before = try world.query("SELECT count(*) AS n, max(updated_at)::text AS t FROM tasks")[0]
            let events = try world.query("SELECT count(*) AS n FROM audit_events")[0].decode("n", as: Int64.self)

            for (path, body) in [
                ("/v1/staff/tasks/claim-next", "{}"), ("/v1/staff/tasks/\(task)/claim", "{}"),
                ("/v1/staff/tasks/\(task)/release", "{}"),
                ("/v1/staff/tasks/\(task)/reassign", #"{"assignee":"amina"}"#),
                ("/v1/staff/tasks/\(task)/approve", "{}"), ("/v1/staff/tasks/\(task)/reject", #"{"reason":"no"}"#),
                ("/v1/staff/tasks/\(task)/request-info", #"{"message":"which?"}"#),
                ("/v1/staff/tasks/\(task)/forward", #"{"sector":"health","reason":"wrong queue"}"#),
            ] {
                let response = try client.send(
                    "POST", path, headers: auditor + [("Content-Type", "application/json")], body: body)
                #expect(response.status == 403, "\(path): \(response.status)")
            }
            let after = try world.query("SELECT count(*) AS n, max(updated_at)::text AS t FROM tasks")[0]
            let changedAt = try after.decode("t", as: String.self)
            let unchangedAt = try before.decode("t", as: String.self)
            #expect(changedAt == unchangedAt)
            #expect(try world.query("SELECT count(*) AS n FROM audit_events")[0].decode("n", as: Int64.self) == events)

            let verify = try client.send("GET", "/v1/audit/verify", headers: auditor)
            #expect(verify.status == 200)
            let object = try verify.object()
            #expect(object["intact"] as? Bool == true)
            #expect((object["chains"] as? [[String: Any]])?.count ?? 0 > 1)
        }
    }
}
