import Foundation
import NafidhaContract
import NafidhaCore
import Synchronization
import TestSupport
import Testing

/// Expects `body` to throw a `NafidhaError` with `code`.
func expectError(_ code: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as NafidhaError {
        #expect(error.code.rawValue == code, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
}

/// The task transitions of docs/state-machine.md, legal and illegal, on a building permit in Benghazi
/// (stage 1: urban planning ‖ civil defence; stage 2: water; stage 3: finance).
@Suite("Workflow engine")
struct WorkflowEngineTests {
    let amal = StaffMember.testing("amal.t")
    let omar = StaffMember.testing("omar.k")

    @Test("claiming an open task makes it claimed by the clerk and the request in review")
    func claimOpenTask() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            #expect(try harness.request(request).status == "submitted")
            let task = try harness.tasks(of: request)[0]
            let claimed = try harness.engine.claim(task: task.id, version: task.version, by: amal)
            #expect(claimed.status == .claimed)
            #expect(claimed.assignee == "amal.t")
            #expect(claimed.version == task.version + 1)
            #expect(try harness.request(request).status == "in_review")
            #expect(try harness.auditActions(of: request).last == "claimed")
        }
    }

    @Test("releasing a claimed task puts it back in its queue without an assignee")
    func releaseClaimedTask() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            let released = try harness.engine.release(task: task.id, by: amal)
            #expect(released.status == .open)
            #expect(released.assignee == nil)
            #expect(released.leaseExpiresAt == nil && released.claimedAt == nil)
            #expect(try harness.request(request).status == "in_review")
            #expect(try harness.auditActions(of: request).last == "released")
        }
    }

    @Test(
        "approving the last step of a stage opens the next stage's task in its queue, and the last approval approves the request"
    )
    func stageAdvance() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let tasks = try harness.tasks(of: request)
            #expect(tasks.map(\.status) == [.open, .open, .waiting, .waiting])
            _ = try harness.engine.claim(task: tasks[0].id, by: amal)
            _ = try harness.engine.approve(task: tasks[0].id, by: amal)
            #expect(try harness.task(tasks[2].id).status == .waiting)
            _ = try harness.engine.claim(task: tasks[1].id, by: omar)
            _ = try harness.engine.approve(task: tasks[1].id, by: omar)
            let water = try harness.task(tasks[2].id)
            #expect(water.status == .open)
            #expect(water.sector == "water_sanitation")
            #expect(water.office == "BEN-WATER_SANITATION")
            #expect(water.openedAt != nil && water.dueAt != nil)
            #expect(try harness.task(tasks[3].id).status == .waiting)
            _ = try harness.engine.claim(task: water.id, by: amal)
            _ = try harness.engine.approve(task: water.id, by: amal)
            _ = try harness.engine.claim(task: tasks[3].id, by: omar)
            _ = try harness.engine.approve(task: tasks[3].id, by: omar)
            let stored = try harness.request(request)
            #expect(stored.status == "approved")
            #expect(stored.closedAt != nil)
            #expect(try harness.auditActions(of: request).filter { $0 == "task_opened" }.count == 4)
        }
    }

    @Test("rejecting a step rejects the request and cancels its other non-final tasks")
    func rejectionCascades() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let tasks = try harness.tasks(of: request)
            _ = try harness.engine.claim(task: tasks[0].id, by: amal)
            _ = try harness.engine.reject(task: tasks[0].id, by: amal, reason: "The plot is in a protected zone.")
            #expect(try harness.tasks(of: request).map(\.status) == [.rejected, .cancelled, .cancelled, .cancelled])
            #expect(try harness.request(request).status == "rejected")
            #expect(try harness.auditActions(of: request).suffix(3) == ["rejected", "cancelled", "decided"])
        }
    }

    @Test("a rejection needs a reason")
    func rejectionNeedsReason() throws {
        try WorkflowHarness.with { harness in
            let task = try harness.tasks(of: try harness.file("building_permit", in: "BEN"))[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            expectError("validation_failed") { _ = try harness.engine.reject(task: task.id, by: amal, reason: "  ") }
            #expect(try harness.task(task.id).status == .claimed)
        }
    }

    @Test("illegal transitions are refused: claiming a waiting task, approving an open one, acting on a final one")
    func illegalTransitions() throws {
        try WorkflowHarness.with { harness in
            let tasks = try harness.tasks(of: try harness.file("building_permit", in: "BEN"))
            expectError("task_not_open") { _ = try harness.engine.claim(task: tasks[2].id, by: amal) }
            expectError("invalid_transition") { _ = try harness.engine.approve(task: tasks[0].id, by: amal) }
            expectError("task_not_claimed") { _ = try harness.engine.release(task: tasks[0].id, by: amal) }
            expectError("invalid_transition") {
                _ = try harness.engine.requestInformation(task: tasks[0].id, by: amal, message: "Which plot?")
            }
            _ = try harness.engine.claim(task: tasks[0].id, by: amal)
            expectError("task_claimed") { _ = try harness.engine.claim(task: tasks[0].id, by: omar) }
            _ = try harness.engine.approve(task: tasks[0].id, by: amal)
            expectError("invalid_transition") { _ = try harness.engine.approve(task: tasks[0].id, by: amal) }
            expectError("task_not_claimed") { _ = try harness.engine.release(task: tasks[0].id, by: amal) }
            expectError("task_not_open") { _ = try harness.engine.claim(task: tasks[0].id, by: amal) }
            expectError("invalid_transition") {
                _ = try harness.engine.forward(task: tasks[0].id, by: amal, toSector: "health", reason: "Wrong queue.")
            }
            #expect(try harness.task(tasks[0].id).status == .approved)
        }
    }

    @Test("only the assignee approves, rejects, asks for information or releases")
    func onlyAssigneeActs() throws {
        try WorkflowHarness.with { harness in
            let task = try harness.tasks(of: try harness.file("building_permit", in: "BEN"))[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            expectError("not_assignee") { _ = try harness.engine.approve(task: task.id, by: omar) }
            expectError("not_assignee") { _ = try harness.engine.reject(task: task.id, by: omar, reason: "No.") }
            expectError("not_assignee") { _ = try harness.engine.release(task: task.id, by: omar) }
            expectError("not_assignee") {
                _ = try harness.engine.requestInformation(task: task.id, by: omar, message: "?")
            }
            #expect(try harness.task(task.id).assignee == "amal.t")
        }
    }

    @Test("a change naming an old version answers task_changed and changes nothing")
    func staleVersionConflicts() throws {
        try WorkflowHarness.with { harness in
            let task = try harness.tasks(of: try harness.file("building_permit", in: "BEN"))[0]
            _ = try harness.engine.claim(task: task.id, version: task.version, by: amal)
            expectError("task_changed") {
                _ = try harness.engine.release(task: task.id, version: task.version, by: amal)
            }
            #expect(try harness.task(task.id).status == .claimed)
        }
    }

    @Test("read-only roles change nothing; a task outside the scope, or unknown, is not found")
    func rolesScopeAndUnknownTasks() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            let auditor = StaffMember.testing("audit1", .auditor, municipalities: [])
            let admin = StaffMember.testing("root1", .admin, municipalities: ["BEN"])
            let health = StaffMember.testing("huda", sectors: ["health"])
            let tripoli = StaffMember.testing("tariq", municipalities: ["TRP"])
            expectError("read_only_role") { _ = try harness.engine.claim(task: task.id, by: auditor) }
            expectError("read_only_role") { _ = try harness.engine.claim(task: task.id, by: admin) }
            expectError("read_only_role") { _ = try harness.engine.claimNext(by: admin) }
            expectError("task_not_found") { _ = try harness.engine.claim(task: task.id, by: health) }
            expectError("task_not_found") { _ = try harness.engine.claim(task: task.id, by: tripoli) }
            expectError("task_not_found") { _ = try harness.engine.claim(task: 999_999_999, by: amal) }
            #expect(try harness.task(task.id).status == .open)
        }
    }

    @Test("forwarding moves the task to another sector's municipal office, open and unassigned, and is audited")
    func forwardToAnotherSector() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            let forwarded = try harness.engine.forward(
                task: task.id, by: amal, toSector: "health", reason: "Sanitary review first.")
            #expect(forwarded.status == .open)
            #expect(forwarded.assignee == nil)
            #expect(forwarded.sector == "health")
            #expect(forwarded.office == "BEN-HEALTH")
            #expect(forwarded.municipality == "BEN")
            #expect(forwarded.dueAt == task.dueAt)
            #expect(try harness.auditActions(of: request).last == "forwarded")
            expectError("validation_failed") {
                _ = try harness.engine.forward(task: task.id, by: omar, toSector: "health", reason: "Again.")
            }
            expectError("validation_failed") {
                _ = try harness.engine.forward(task: task.id, by: omar, toSector: "no_such_sector", reason: "Nowhere.")
            }
            expectError("validation_failed") {
                _ = try harness.engine.forward(task: task.id, by: omar, toSector: "finance", reason: "")
            }
        }
    }

    @Test("asking for information pauses the task and the request; the reply resumes both with the same clerk")
    func requestInformationAndReply() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            let paused = try harness.engine.requestInformation(task: task.id, by: amal, message: "Send the site plan.")
            #expect(paused.status == .awaitingCitizen)
            #expect(try harness.task(task.id).pausedSince != nil)
            #expect(try harness.request(request).status == "awaiting_citizen")
            #expect(try harness.request(request).dueAt == nil)
            expectError("invalid_transition") { _ = try harness.engine.approve(task: task.id, by: amal) }
            let status = try harness.engine.reply(
                for: try harness.citizen(request), message: "Attached.",
                fields: ["plot": .string("B-12"), "floors": .number(2)])
            #expect(status == .inReview)
            let resumed = try harness.task(task.id)
            #expect(resumed.status == .claimed)
            #expect(resumed.assignee == "amal.t")
            #expect(resumed.pausedSince == nil)
            #expect(try harness.request(request).dueAt != nil)
            #expect(try harness.auditActions(of: request).suffix(2) == ["information_requested", "citizen_replied"])
            // What people wrote lives in request_messages; the trail, which can never be erased, only points at it.
            let (inTrail, stored) = try harness.pool.withConnection { connection in
                let row = try connection.query(
                    """
                    SELECT (SELECT count(*) FROM audit_events WHERE request_id = $1
                             AND (details LIKE '%Attached.%' OR details LIKE '%B-12%' OR details LIKE '%site plan%'))::int8 AS trail,
                           (SELECT count(*) FROM request_messages WHERE request_id = $1)::int8 AS stored
                    """,
                    [request.id]
                )[0]
                return (try row.decode("trail", as: Int64.self), try row.decode("stored", as: Int64.self))
            }
            #expect(inTrail == 0)
            #expect(stored == 2)
        }
    }

    @Test("a reply when nothing awaits the citizen, or with a nested field value, is refused")
    func replyRefusals() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let citizen = try harness.citizen(request)
            expectError("nothing_awaiting_citizen") { try harness.engine.reply(for: citizen, message: "Hello") }
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            _ = try harness.engine.requestInformation(task: task.id, by: amal, message: "Plot area?")
            expectError("validation_failed") {
                try harness.engine.reply(for: citizen, message: "Here", fields: ["area": .object([:])])
            }
            expectError("validation_failed") { try harness.engine.reply(for: citizen, message: " ") }
            #expect(try harness.task(task.id).status == .awaitingCitizen)
        }
    }

    @Test("the citizen may cancel before any decision, which cancels every task, but not after an approval")
    func cancellation() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let tasks = try harness.tasks(of: request)
            _ = try harness.engine.claim(task: tasks[0].id, by: amal)
            _ = try harness.engine.requestInformation(task: tasks[0].id, by: amal, message: "Which plot?")
            #expect(try harness.engine.cancel(for: try harness.citizen(request)) == .cancelled)
            #expect(try harness.tasks(of: request).allSatisfy { $0.status == .cancelled })
            #expect(try harness.request(request).closedAt != nil)
            expectError("invalid_transition") { try harness.engine.cancel(for: try harness.citizen(request)) }

            let decided = try harness.file("building_permit", in: "BEN")
            let first = try harness.tasks(of: decided)[0]
            _ = try harness.engine.claim(task: first.id, by: amal)
            _ = try harness.engine.approve(task: first.id, by: amal)
            expectError("invalid_transition") { try harness.engine.cancel(for: try harness.citizen(decided)) }
            #expect(try harness.request(decided).status == "in_review")
        }
    }

    @Test("two clerks approving the two parallel steps at once open the next stage exactly once")
    func concurrentApprovalsOpenNextStageOnce() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let tasks = try harness.tasks(of: request)
            _ = try harness.engine.claim(task: tasks[0].id, by: amal)
            _ = try harness.engine.claim(task: tasks[1].id, by: omar)
            let engine = harness.engine
            let (amal, omar) = (amal, omar)
            let group = DispatchGroup()
            let failures = Mutex(0)
            for (task, clerk) in [(tasks[0], amal), (tasks[1], omar)] {
                group.enter()
                Thread {
                    if (try? engine.approve(task: task.id, by: clerk)) == nil { failures.withLock { $0 += 1 } }
                    group.leave()
                }.start()
            }
            group.wait()
            #expect(failures.withLock { $0 } == 0)
            #expect(try harness.task(tasks[2].id).status == .open)
            #expect(try harness.auditActions(of: request).filter { $0 == "task_opened" }.count == 3)
        }
    }
}
