import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Staff API: queues and claims over HTTP")
struct QueueRoutesTests {
    /// A bearer header for a new staff member's new token.
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole,
        municipalities: [String] = [], sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    @Test("staff routes without a valid bearer token answer 401 in the caller's language")
    func unauthenticated() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            for headers in [[], [("Authorization", "Basic YTpi")], [("Authorization", "Bearer nfs_nope")]] {
                let response = try client.send(
                    "GET", "/v1/staff/queues", headers: headers + [("Accept-Language", "ar")])
                #expect(response.status == 401 && response.errorCode == "invalid_token")
                #expect(response.text.contains("رمز"))
            }
            let claim = try client.send("POST", "/v1/staff/tasks/claim-next")
            #expect(claim.status == 401)
        }
    }

    @Test("a clerk lists their queue, claims the next task and releases it")
    func clerkFlow() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let inserted = try world.request(
                in: "TRP", tasks: [.init(sector: "civil_registry"), .init(sector: "health")])
            let me = try client.send("GET", "/v1/staff/me", headers: clerk).object()
            #expect(me["role"] as? String == "clerk")
            let queues =
                try client.send("GET", "/v1/staff/queues", headers: clerk).object()["queues"] as? [[String: Any]]
            #expect(queues?.count == 1 && queues?.first?["open"] as? Int == 1)
            let list = try client.send("GET", "/v1/staff/tasks?status=open&limit=10", headers: clerk).object()
            let tasks = try #require(list["tasks"] as? [[String: Any]])
            #expect(tasks.count == 1 && tasks[0]["tracking_number"] as? String == inserted.trackingNumber)
            let claimed = try client.send(
                "POST", "/v1/staff/tasks/claim-next", headers: clerk, body: #"{"sector":"civil_registry"}"#)
            #expect(claimed.status == 200)
            let task = try claimed.object()
            #expect(task["id"] as? Int == Int(inserted.taskIDs[0]) && task["assignee"] as? String == "amina")
            let stale = try client.send(
                "POST", "/v1/staff/tasks/\(inserted.taskIDs[0])/release", headers: clerk, body: #"{"version":1}"#)
            #expect(stale.status == 409 && stale.errorCode == "task_changed")
            let released = try client.send(
                "POST", "/v1/staff/tasks/\(inserted.taskIDs[0])/release", headers: clerk,
                body: #"{"version":\#(task["version"] as? Int ?? 0)}"#)
            #expect(released.status == 200)
            #expect(try released.object()["status"] as? String == "open")
        }
    }

    @Test("the IDOR matrix: every role is refused what its scope does not allow")
    func denials() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let other = try bearer(world, "omar", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let auditor = try bearer(world, "audit1", .auditor)
            let admin = try bearer(world, "root1", .admin)
            let supervisor = try bearer(world, "salem", .supervisor, municipalities: ["BEN"])
            let own = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")]).taskIDs[0]
            let otherSector = try world.request(in: "TRP", tasks: [.init(sector: "health")]).taskIDs[0]
            let otherTown = try world.request(in: "BEN", tasks: [.init(sector: "civil_registry")]).taskIDs[0]
            #expect(try client.send("POST", "/v1/staff/tasks/\(own)/claim", headers: clerk).status == 200)
            let cases: [(String, String, [(String, String)], Int, String)] = [
                ("POST", "/v1/staff/tasks/\(otherSector)/claim", clerk, 404, "task_not_found"),
                ("POST", "/v1/staff/tasks/\(otherTown)/claim", clerk, 404, "task_not_found"),
                ("POST", "/v1/staff/tasks/999999/claim", clerk, 404, "task_not_found"),
                ("POST", "/v1/staff/tasks/\(own)/claim", other, 409, "task_claimed"),
                ("POST", "/v1/staff/tasks/\(own)/release", other, 403, "not_assignee"),
                ("POST", "/v1/staff/tasks/\(own)/claim", supervisor, 404, "task_not_found"),
                ("POST", "/v1/staff/tasks/\(own)/release", supervisor, 404, "task_not_found"),
                ("POST", "/v1/staff/tasks/\(otherTown)/claim", auditor, 403, "read_only_role"),
                ("POST", "/v1/staff/tasks/claim-next", auditor, 403, "read_only_role"),
                ("POST", "/v1/staff/tasks/claim-next", admin, 403, "read_only_role"),
                ("POST", "/v1/staff/tasks/\(otherTown)/reassign", clerk, 403, "supervisor_only"),
                ("POST", "/v1/staff/tasks/\(own)/reassign", clerk, 403, "supervisor_only"),
                ("POST", "/v1/staff/tasks/\(own)/reassign", auditor, 403, "supervisor_only"),
                ("POST", "/v1/staff/tasks/\(own)/reassign", admin, 403, "supervisor_only"),
                ("GET", "/v1/staff/tasks?municipality=BEN", clerk, 403, "out_of_scope"),
                ("GET", "/v1/staff/tasks?sector=health", clerk, 403, "out_of_scope"),
                ("GET", "/v1/staff/tasks?municipality=TRP", supervisor, 403, "out_of_scope"),
                ("GET", "/v1/staff/tasks?status=done", clerk, 400, "invalid_query"),
                ("GET", "/v1/staff/tasks?cursor=zz", clerk, 400, "invalid_cursor"),
            ]
            for (method, path, headers, status, code) in cases {
                let body = path.hasSuffix("/reassign") ? #"{"assignee":"omar"}"# : nil
                let response = try client.send(method, path, headers: headers, body: body)
                #expect(
                    response.status == status && response.errorCode == code, "\(method) \(path) -> \(response.text)")
            }
            // Whoever is not a supervisor gets the same answer whatever login they name: logins cannot be probed.
            for headers in [clerk, auditor, admin] {
                for login in ["omar", "ghost"] {
                    let response = try client.send(
                        "POST", "/v1/staff/tasks/\(own)/reassign", headers: headers,
                        body: #"{"assignee":"\#(login)"}"#)
                    #expect(response.status == 403 && response.errorCode == "supervisor_only", "\(response.text)")
                }
            }
            let auditorView = try client.send("GET", "/v1/staff/tasks?status=active", headers: auditor).object()
            #expect((auditorView["tasks"] as? [Any])?.count == 3)
        }
    }

    @Test("approve with a note is one transaction: an invalid note leaves the task claimed; a valid one is kept")
    func approveWithNote() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let task = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")]).taskIDs[0]
            #expect(try client.send("POST", "/v1/staff/tasks/\(task)/claim", headers: clerk).status == 200)
            let invalid = try client.send(
                "POST", "/v1/staff/tasks/\(task)/approve", headers: clerk, body: #"{"note":"   "}"#)
            #expect(invalid.status == 422 && invalid.errorCode == "validation_failed")
            let row = try world.query("SELECT status FROM tasks WHERE id = $1", [task])[0]
            #expect(try row.decode("status", as: String.self) == "claimed")
            let approved = try client.send(
                "POST", "/v1/staff/tasks/\(task)/approve", headers: clerk, body: #"{"note":"Seen at the counter."}"#)
            #expect(approved.status == 200)
            #expect(try approved.object()["status"] as? String == "approved")
            let actions = try world.query(
                "SELECT action FROM audit_events WHERE action IN ('approved', 'note_added') ORDER BY id"
            ).map { try $0.decode("action", as: String.self) }
            #expect(actions == ["approved", "note_added"])
        }
    }

    @Test("the staff view of a request: 404 for a clerk whose task is decided, audited for one who may see it")
    func staffView() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let supervisor = try bearer(world, "salem", .supervisor, municipalities: ["TRP"])
            let inserted = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")])
            let path = "/v1/staff/requests/\(inserted.trackingNumber)"
            let shown = try client.send("GET", path, headers: clerk)
            #expect(shown.status == 200)
            #expect(try shown.object()["applicant_name"] as? String == "سارة بن علي")
            #expect(
                try client.send("POST", "/v1/staff/tasks/\(inserted.taskIDs[0])/claim", headers: clerk).status == 200)
            #expect(
                try client.send("POST", "/v1/staff/tasks/\(inserted.taskIDs[0])/approve", headers: clerk).status == 200)
            let decided = try client.send("GET", path, headers: clerk)
            #expect(decided.status == 404 && decided.errorCode == "request_not_found")
            #expect(try client.send("GET", path, headers: supervisor).status == 200)
            let publicNote = try client.send(
                "POST", path + "/notes", headers: clerk, body: #"{"text":"Ready.","public":true}"#)
            #expect(publicNote.status == 409 && publicNote.errorCode == "request_closed")
            let viewed = try world.query(
                "SELECT actor FROM audit_events WHERE action = 'personal_data_viewed' ORDER BY id"
            ).map { try $0.decode("actor", as: String.self) }
            #expect(viewed == ["amina", "salem"])
        }
    }
}
