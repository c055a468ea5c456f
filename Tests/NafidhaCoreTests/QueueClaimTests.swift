import Dispatch
import Foundation
import NafidhaCore
import Postgres
import Synchronization
import TestSupport
import Testing

@Suite("Claiming: claim-next, claim by id, release, reassign, leases")
struct QueueClaimTests {
    @Test("claim-next takes the most urgent task, audits it and puts the request in review")
    func claimNext() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry", dueIn: 100)])
            let urgent = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry", dueIn: 500, priority: 2)])
            let task = try world.engine.claimNext(by: clerk)
            #expect(task.id == urgent.taskIDs[0] && task.status == .claimed && task.assignee == "amina")
            #expect(task.leaseExpiresAt != nil && task.version == 2)
            let status = try world.query("SELECT status FROM requests WHERE id = $1", [urgent.requestID])[0]
            #expect(try status.decode("status", as: String.self) == "in_review")
            let audit = try world.query("SELECT actor, action FROM audit_events WHERE task_id = $1", [task.id])
            #expect(audit.count == 1)
            #expect(try audit[0].decode("action", as: String.self) == "claimed")
        }
    }

    @Test("a second clerk's claim-next gets another task, then the queue is empty")
    func secondClerk() throws {
        try StaffTestWorld.with { world in
            let first = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let second = try world.staff("omar", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry"), .init(sector: "civil_registry")])
            let a = try world.engine.claimNext(by: first)
            let b = try world.engine.claimNext(by: second)
            #expect(a.id != b.id)
            let error = try #require(throws: NafidhaError.self) { try world.engine.claimNext(by: first) }
            #expect(error.code == .queueEmpty)
        }
    }

    @Test("32 concurrent claim-next calls never return the same task")
    func concurrentClaims() throws {
        try StaffTestWorld.with { world in
            let clerks = try (0..<32).map {
                try world.staff("clerk\($0)", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            }
            try world.request(in: "TRP", tasks: (0..<40).map { _ in .init(sector: "civil_registry") })
            let claimed = Mutex<[Int64]>([])
            let failures = Mutex<[String]>([])
            let group = DispatchGroup()
            for clerk in clerks {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        let task = try world.engine.claimNext(by: clerk)
                        claimed.withLock { $0.append(task.id) }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            group.wait()
            let ids = claimed.withLock { $0 }
            #expect(failures.withLock { $0 }.isEmpty)
            #expect(ids.count == 32 && Set(ids).count == 32)
        }
    }

    @Test("claiming a task another clerk holds is a conflict, and so is a stale version")
    func conflicts() throws {
        try StaffTestWorld.with { world in
            let first = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let second = try world.staff("omar", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let inserted = try world.request(
                in: "TRP", tasks: [.init(sector: "civil_registry"), .init(sector: "civil_registry")])
            _ = try world.engine.claim(task: inserted.taskIDs[0], by: first)
            let held = try #require(throws: NafidhaError.self) {
                try world.engine.claim(task: inserted.taskIDs[0], by: second)
            }
            #expect(held.code == .taskClaimed && held.status == 409)
            let stale = try #require(throws: NafidhaError.self) {
                try world.engine.claim(task: inserted.taskIDs[1], version: 7, by: second)
            }
            #expect(stale.code == .taskChanged && stale.status == 409)
            let waiting = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry", status: "waiting")])
            let notOpen = try #require(throws: NafidhaError.self) {
                try world.engine.claim(task: waiting.taskIDs[0], by: second)
            }
            #expect(notOpen.code == .taskNotOpen)
        }
    }

    @Test("tasks of another sector or municipality do not exist for a clerk, and read-only roles change nothing")
    func denials() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let auditor = try world.staff("audit1", .auditor)
            let admin = try world.staff("root1", .admin)
            let otherSector = try world.request(in: "TRP", tasks: [.init(sector: "health")])
            let otherTown = try world.request(in: "BEN", tasks: [.init(sector: "civil_registry")])
            for id in [otherSector.taskIDs[0], otherTown.taskIDs[0]] {
                let error = try #require(throws: NafidhaError.self) { try world.engine.claim(task: id, by: clerk) }
                #expect(error.code == .taskNotFound)
                let release = try #require(throws: NafidhaError.self) {
                    try world.engine.release(task: id, by: clerk)
                }
                #expect(release.code == .taskNotFound)
            }
            for reader in [auditor, admin] {
                let error = try #require(throws: NafidhaError.self) { try world.engine.claimNext(by: reader) }
                #expect(error.code == .readOnlyRole && error.status == 403)
                #expect(throws: NafidhaError.self) { try world.engine.claim(task: otherTown.taskIDs[0], by: reader) }
            }
            #expect(try world.query("SELECT 1 FROM tasks WHERE status <> 'open'").count == 0)
        }
    }

    @Test("only the assignee or a supervisor releases a claim")
    func release() throws {
        try StaffTestWorld.with { world in
            let first = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let second = try world.staff("omar", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let supervisor = try world.staff("salem", .supervisor, municipalities: ["TRP"])
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")])
            let task = try world.engine.claimNext(by: first)
            let error = try #require(throws: NafidhaError.self) {
                try world.engine.release(task: task.id, by: second)
            }
            #expect(error.code == .notAssignee)
            let released = try world.engine.release(task: task.id, version: task.version, by: supervisor)
            #expect(released.status == .open && released.assignee == nil)
            let again = try #require(throws: NafidhaError.self) { try world.engine.release(task: task.id, by: first) }
            #expect(again.code == .taskNotClaimed)
        }
    }

    @Test("a lapsed claim can be taken by another clerk, and the sweep returns lapsed claims to the queue")
    func lapsedLeases() throws {
        try StaffTestWorld.with { world in
            let first = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let second = try world.staff("omar", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            try world.request(in: "TRP", tasks: [.init(sector: "civil_registry"), .init(sector: "civil_registry")])
            let a = try world.engine.claimNext(by: first)
            let b = try world.engine.claimNext(by: first)
            try world.query(
                "UPDATE tasks SET lease_expires_at = now() - interval '1 second', updated_at = now() - interval '1 hour'"
            )
            let taken = try world.engine.claim(task: a.id, by: second)
            #expect(taken.assignee == "omar")
            let result = try world.sweep.run()
            #expect(result.leasesLapsed == 1)
            let row = try world.query("SELECT status, assignee FROM tasks WHERE id = $1", [b.id])[0]
            #expect(try row.decode("status", as: String.self) == "open")
            #expect(try row.decode("assignee", as: String?.self) == nil)
        }
    }

    @Test("only a supervisor reassigns, and only to someone who may work the queue")
    func reassign() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let outsider = try world.staff("huda", .clerk, municipalities: ["TRP"], sectors: ["health"])
            let supervisor = try world.staff("salem", .supervisor, municipalities: ["TRP"])
            let task = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")]).taskIDs[0]
            let byClerk = try #require(throws: NafidhaError.self) {
                try world.engine.reassign(task: task, by: clerk, to: clerk.name)
            }
            #expect(byClerk.code == .supervisorOnly)
            let wrong = try #require(throws: NafidhaError.self) {
                try world.engine.reassign(task: task, by: supervisor, to: outsider.name)
            }
            #expect(wrong.code == .outOfScope)
            let done = try world.engine.reassign(task: task, by: supervisor, to: clerk.name)
            #expect(done.assignee == "amina" && done.status == .claimed)
        }
    }
}
