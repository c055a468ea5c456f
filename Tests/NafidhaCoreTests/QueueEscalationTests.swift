import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import Synchronization
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

    @Test("two servers' sweeps running at once escalate every overdue task exactly once")
    func concurrentSweepsEscalateOnce() throws {
        try StaffTestWorld.with { world in
            for _ in 0..<40 {
                try world.request(
                    in: "TRP", tasks: [.init(sector: "civil_registry", dueIn: -60), .init(sector: "health", dueIn: -5)])
            }
            // Small batches, so the two sweeps take turns many times over the same tasks.
            var settings = EscalationSweep.Settings()
            settings.batchSize = 5
            let otherPool = PostgresPool(conninfo: world.database.conninfo)
            defer { otherPool.close() }
            let sweeps = [
                EscalationSweep(engine: world.engine, settings: settings),
                EscalationSweep(engine: NafidhaServices(pool: otherPool).engine, settings: settings),
            ]
            let results = Mutex<[Result<EscalationSweep.Result, any Error>]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let outcome = Result { try sweeps[index].run() }
                results.withLock { $0.append(outcome) }
            }
            let escalated = try results.withLock { $0 }.map { try $0.get().escalated }
            #expect(escalated.reduce(0, +) == 80, "\(escalated)")
            let twice = try world.query(
                """
                SELECT task_id FROM audit_events WHERE action = 'escalated' GROUP BY task_id HAVING count(*) > 1
                """)
            #expect(twice.count == 0)
            let once = try world.query(
                "SELECT count(DISTINCT task_id)::int8 AS tasks FROM audit_events WHERE action = 'escalated'")
            #expect(try once[0].decode("tasks", as: Int64.self) == 80)
        }
    }
}
