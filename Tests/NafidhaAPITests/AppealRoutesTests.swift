import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// `POST /v1/requests/{tracking}/appeal` and the supervisors' appeals queue, over the API router.
@Suite("Appeals API")
struct AppealRoutesTests {
    /// A building permit filed in Benghazi, its first task rejected by an urban planning clerk.
    struct Rejected {
        var tracking: String
        var bearer: [(String, String)]
    }

    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole, municipalities: [String] = [],
        sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    private func file(_ client: APIClient) throws -> Rejected {
        let created = try client.send("POST", "/v1/requests", body: TrackingRoutesTests.permit)
        try #require(created.status == 201, "\(created.text)")
        let receipt = try created.object()
        return Rejected(
            tracking: try #require(receipt["tracking_number"] as? String),
            bearer: [("Authorization", "Bearer \(try #require(receipt["access_token"] as? String))")])
    }

    private func reject(_ world: StaffTestWorld, _ filed: Rejected) throws {
        let clerk = StaffMember.testing("rami", sectors: ["urban_planning"])
        let task: Int64 = try world.query(
            """
            SELECT t.id FROM tasks t JOIN requests r ON r.id = t.request_id
             WHERE r.tracking_number = $1 AND t.sector_code = 'urban_planning'
            """, [filed.tracking])[0].decode("id")
        _ = try world.engine.claim(task: task, by: clerk)
        _ = try world.engine.reject(task: task, by: clerk, reason: "Setback too small")
    }

    @Test("the applicant appeals a rejection once; it shows on the timeline and in the supervisor's queue")
    func appealOnce() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let filed = try file(client)
            let path = "/v1/requests/\(filed.tracking)/appeal"
            let early = try client.send("POST", path, headers: filed.bearer, body: #"{"reason": "Too soon"}"#)
            #expect(early.status == 409 && early.errorCode == "appeal_not_allowed")
            try reject(world, filed)
            let stranger = try client.send(
                "POST", path, headers: [("Authorization", "Bearer nope")], body: #"{"reason": "x"}"#)
            #expect(stranger.status == 404 && stranger.errorCode == "request_not_found")
            let empty = try client.send("POST", path, headers: filed.bearer, body: #"{"reason": "  "}"#)
            #expect(empty.status == 422 && empty.errorCode == "validation_failed")
            let appealed = try client.send(
                "POST", path, headers: filed.bearer, body: #"{"reason": "The setback is 4 m."}"#)
            #expect(appealed.status == 200, "\(appealed.text)")
            let view = try ContractJSON.decoder().decode(Tracking.Request.self, from: Data(appealed.body))
            #expect(view.status == .rejected)
            #expect(view.timeline.last?.event == .appealed && view.timeline.last?.message == "The setback is 4 m.")
            let twice = try client.send("POST", path, headers: filed.bearer, body: #"{"reason": "Again"}"#)
            #expect(twice.status == 409 && twice.errorCode == "appeal_already_filed")

            let supervisor = try bearer(world, "salem", .supervisor, municipalities: ["BEN"])
            let elsewhere = try bearer(world, "tarek", .supervisor, municipalities: ["TRP"])
            let clerk = try bearer(world, "karima", .clerk, municipalities: ["BEN"], sectors: ["urban_planning"])
            let queue = try client.send("GET", "/v1/staff/appeals", headers: supervisor)
            let list = try ContractJSON.decoder().decode(Staff.AppealList.self, from: Data(queue.body))
            #expect(list.appeals.map(\.trackingNumber) == [filed.tracking])
            let appeal = try #require(list.appeals.first)
            #expect(appeal.sector == "urban_planning" && appeal.status == .pending && !appeal.overdue)
            let none = try client.send("GET", "/v1/staff/appeals", headers: elsewhere)
            #expect(try ContractJSON.decoder().decode(Staff.AppealList.self, from: Data(none.body)).appeals.isEmpty)
            #expect(try client.send("GET", "/v1/staff/appeals", headers: clerk).errorCode == "supervisor_only")
            let bad = try client.send("GET", "/v1/staff/appeals?status=maybe", headers: supervisor)
            #expect(bad.status == 400 && bad.errorCode == "invalid_query")

            let decide = "/v1/staff/appeals/\(appeal.id)/uphold"
            let hidden = try client.send("POST", decide, headers: elsewhere, body: #"{"reason": "no"}"#)
            #expect(hidden.status == 404 && hidden.errorCode == "appeal_not_found")
            let upheld = try client.send(
                "POST", decide, headers: supervisor, body: #"{"reason": "The survey shows 2 m."}"#)
            #expect(upheld.status == 200, "\(upheld.text)")
            let decided = try ContractJSON.decoder().decode(Staff.Appeal.self, from: Data(upheld.body))
            #expect(decided.status == .upheld && decided.decidedBy == "salem")
            let tracked = try client.send("GET", "/v1/requests/\(filed.tracking)", headers: filed.bearer)
            let after = try ContractJSON.decoder().decode(Tracking.Request.self, from: Data(tracked.body))
            #expect(after.status == .rejected && after.timeline.last?.event == .appealUpheld)
            let events: [String] = try world.query(
                "SELECT action FROM audit_events WHERE action LIKE 'appeal%' ORDER BY id"
            ).map { try $0.decode("action") }
            #expect(events == ["appealed", "appeal_upheld"])
            let report = try client.send("GET", "/v1/reports/appeals?format=json", headers: supervisor)
            let document = try ContractJSON.decoder().decode(
                Reports.Document<Reports.AppealRow>.self, from: Data(report.body))
            #expect(
                document.rows == [
                    Reports.AppealRow(
                        municipality: "BEN", sector: "urban_planning", filed: 1, upheld: 1, granted: 0, onTime: 1,
                        pending: 0)
                ])
        }
    }

    @Test("an appeal after the service's window is refused")
    func windowClosed() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let filed = try file(client)
            try reject(world, filed)
            // Sixty calendar days hold more than fifteen working days in any week of the demo calendars.
            try world.query(
                "UPDATE requests SET closed_at = closed_at - interval '60 days' WHERE tracking_number = $1",
                [filed.tracking])
            let late = try client.send(
                "POST", "/v1/requests/\(filed.tracking)/appeal", headers: filed.bearer, body: #"{"reason": "Late"}"#)
            #expect(late.status == 409 && late.errorCode == "appeal_window_closed")
            try world.query(
                "UPDATE services SET appeal_window_days = 365 WHERE code = 'building_permit'")
            let longer = try client.send(
                "POST", "/v1/requests/\(filed.tracking)/appeal", headers: filed.bearer, body: #"{"reason": "Now"}"#)
            #expect(longer.status == 200, "\(longer.text)")
        }
    }
}
