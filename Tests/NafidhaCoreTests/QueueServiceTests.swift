import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Queues: counts, order, paging and scope")
struct QueueServiceTests {
    @Test("a clerk sees only the queues of their municipality and sector, with counts")
    func clerkQueues() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry"), .init(sector: "health")])
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry", dueIn: -60)])
            try world.request(in: "BEN", tasks: [.init(sector: "civil_registry")])
            _ = try world.engine.claimNext(by: clerk)
            let queues = try world.queues.queues(for: clerk)
            #expect(queues.count == 1)
            let queue = try #require(queues.first)
            #expect(
                queue.municipality == "TRP" && queue.sector == "civil_registry" && queue.office == "TRP-CIVIL_REGISTRY")
            #expect(queue.open + queue.claimed == 2 && queue.claimed == 1 && queue.overdue == 1)
        }
    }

    @Test("a supervisor sees every sector of their municipality and a national auditor sees every municipality")
    func widerScopes() throws {
        try StaffTestWorld.with { world in
            let supervisor = try world.staff("salem", .supervisor, municipalities: ["TRP"])
            let auditor = try world.staff("audit1", .auditor)
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry"), .init(sector: "health")])
            try world.request(in: "BEN", tasks: [.init(sector: "civil_registry")])
            #expect(try world.queues.queues(for: supervisor).map(\.sector) == ["civil_registry", "health"])
            #expect(try world.queues.queues(for: auditor).map(\.municipality) == ["BEN", "TRP", "TRP"])
        }
    }

    @Test("tasks come by priority then due time, and cursor pages cover them all once")
    func orderAndPaging() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            var expected: [Int64] = []
            let low = try world.request(
                in: "TRP", tasks: (0..<5).map { .init(sector: "civil_registry", dueIn: Double(1000 + $0)) })
            let high = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry", dueIn: 5000, priority: 3)])
            expected = high.taskIDs + low.taskIDs
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let page = try world.queues.tasks(for: clerk, query: Staff.TaskQuery(limit: 2, cursor: cursor))
                #expect(page.tasks.count <= 2)
                seen += page.tasks.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == expected)
        }
    }

    @Test("the overdue filter lists only tasks past due")
    func overdueFilter() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let late = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry", dueIn: -10)])
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")])
            let page = try world.queues.tasks(for: clerk, query: Staff.TaskQuery(overdue: true))
            #expect(page.tasks.map(\.id) == late.taskIDs && page.tasks.allSatisfy(\.overdue))
        }
    }

    @Test("a filter outside the caller's scope is refused, not answered empty")
    func filterOutsideScope() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            for query in [Staff.TaskQuery(municipality: "BEN"), Staff.TaskQuery(sector: "health")] {
                let error = try #require(throws: NafidhaError.self) {
                    try world.queues.tasks(for: clerk, query: query)
                }
                #expect(error.code == .outOfScope && error.status == 403)
            }
        }
    }

    @Test("a cursor we did not make is a bad request")
    func forgedCursor() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let forged = Base64URL.encode(Array("1|'; DROP TABLE tasks|3".utf8))
            for cursor in ["%%%", forged] {
                let error = try #require(throws: NafidhaError.self) {
                    try world.queues.tasks(for: clerk, query: Staff.TaskQuery(cursor: cursor))
                }
                #expect(error.code == .invalidCursor)
            }
        }
    }
}
