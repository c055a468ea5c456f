import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("The escalation sweep")
struct QueueEscalationTests {
    @Test("overdue tasks are escalated once each, with one audit event, and surface in the queue counts")
    func escalatesOnce() throws {
        try StaffTestWorld.with { world in
            let supervisor = try world.staff("salem", .supervisor, municipalities: ["TRP"])
            let late = try world.request(
                in: "TRP",
                tasks: [
                    .init(sector: "civil_registry", dueIn: -60),
                    .init(sector: "health", dueIn: -1),
                ])
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry", dueIn: 3600)])
            let first = try world.sweep.run()
            #expect(first.escalated == 2 && first.leasesLapsed == 0)
            #expect(try world.sweep.run().escalated == 0)
            let events = try world.query(
                "SELECT task_id, actor_kind FROM audit_events WHERE action = 'escalated' ORDER BY task_id")
            #expect(try events.map { try $0.decode("task_id", as: Int64.self) } == late.taskIDs)
            #expect(try events.allSatisfy { try $0.decode("actor_kind", as: String.self) == "system" })
            let priorities = try world.query(
                "SELECT priority FROM tasks WHERE id = ANY ($1::bigint[]) ORDER BY id",
                ["{\(late.taskIDs.map(String.init).joined(separator: ","))}"])
            #expect(try priorities.map { try $0.decode("priority", as: Int.self) } == [1, 1])
            let queues = try world.queues.queues(for: supervisor)
            #expect(queues.map(\.escalated) == [1, 1])
            let escalated = try world.queues.tasks(for: supervisor, query: Staff.TaskQuery(overdue: true)).tasks
            #expect(escalated.allSatisfy { $0.escalatedAt != nil } && escalated.count == 2)
        }
    }
}
