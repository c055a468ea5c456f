import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// A queue with open tasks and no clerk who could claim them is an alert: in `GET /v1/staff/queues` (what
/// `nafidha queue` prints) and in the backlog report.
@Suite("Unwatched queues")
struct UnwatchedQueueTests {
    @Test("a sector of the municipality with open tasks and no active clerk with a valid token is unwatched")
    func alert() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            try world.staff("amina", .clerk, municipalities: ["BEN"], sectors: ["civil_registry"])
            _ = try world.directory.issueToken(forStaff: "amina")
            // A clerk of health elsewhere does not watch Benghazi's health queue.
            try world.staff("hala", .clerk, municipalities: ["TRP"], sectors: ["health"])
            _ = try world.directory.issueToken(forStaff: "hala")
            try world.staff("salem", .supervisor, municipalities: ["BEN"])
            let supervisor = [
                ("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: "salem").text))
            ]
            try world.request(in: "BEN", tasks: [.init(sector: "civil_registry"), .init(sector: "health")])

            func unwatched() throws -> [String: Bool] {
                let response = try client.send("GET", "/v1/staff/queues", headers: supervisor)
                let list = try ContractJSON.decoder().decode(Staff.QueueList.self, from: Data(response.body))
                return Dictionary(uniqueKeysWithValues: list.queues.map { ($0.sector, $0.unwatched) })
            }
            #expect(try unwatched() == ["civil_registry": false, "health": true])
            let report = try client.send("GET", "/v1/reports/backlog?municipality=BEN", headers: supervisor)
            let backlog = try ContractJSON.decoder().decode(
                Reports.Document<Reports.BacklogRow>.self, from: Data(report.body))
            #expect(backlog.rows.map(\.sector) == ["civil_registry", "health"])
            #expect(backlog.rows.map(\.claimants) == [1, 0])

            // Without a valid token the clerk watches nothing either.
            #expect(try world.directory.revokeTokens(forStaff: "amina") == 1)
            #expect(try unwatched() == ["civil_registry": true, "health": true])
        }
    }
}
