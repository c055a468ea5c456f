import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

/// One test per transition of docs/state-machine.md: the request's status after it (derived from the tasks, never
/// set by hand) and the audit events it appended (action, actor kind, actor). A building permit in Benghazi:
/// stage 1 urban planning ‖ civil defence, stage 2 water, stage 3 finance.
@Suite("Workflow engine: every transition's request status and audit events")
struct WorkflowEngineTransitionTests {
    let amal = StaffMember.testing("amal.t")
    let omar = StaffMember.testing("omar.k")

    /// The events appended after the first `count` ones, as (action, actor kind, actor).
    func events(_ harness: WorkflowHarness, _ request: FiledRequest, after count: Int) throws -> [String] {
        try harness.auditEvents(of: request).dropFirst(count).map { "\($0.action) \($0.actorKind) \($0.actor)" }
    }

    @Test("claim-next: the first claim moves the request from submitted to in_review, and sets a lease")
    func claimNext() throws {
        let start = WorkflowHarness.wholeSecondNow()
        try WorkflowHarness.with(now: start) { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let before = try harness.auditEvents(of: request).count
            let clerk = StaffMember.testing("nour", sectors: ["urban_planning"])
            let task = try harness.engine.claimNext(by: clerk)
            #expect(task.status == .claimed && task.trackingNumber == request.tracking)
            #expect(task.leaseExpiresAt == start.addingTimeInterval(30 * 60))
            #expect(try harness.request(request).status == "in_review")
            #expect(try events(harness, request, after: before) == ["claimed clerk nour"])
        }
    }

    @Test("claim by id sets a lease and moves the request to in_review through derive")
    func claimByID() throws {
        let start = WorkflowHarness.wholeSecondNow()
        try WorkflowHarness.with(now: start) { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let before = try harness.auditEvents(of: request).count
            let task = try harness.tasks(of: request)[1]
            let claimed = try harness.engine.claim(task: task.id, by: amal)
            #expect(claimed.leaseExpiresAt == start.addingTimeInterval(30 * 60))
            let stored = try harness.task(task.id)
            #expect(stored.claimedAt == start && stored.leaseExpiresAt == start.addingTimeInterval(30 * 60))
            #expect(try harness.request(request).status == "in_review")
            #expect(try events(harness, request, after: before) == ["claimed clerk amal.t"])
        }
    }

    @Test("claiming one's own claim again renews the lease; a lapsed claim may be taken by another clerk")
    func renewAndLapsedClaim() throws {
        let start = WorkflowHarness.wholeSecondNow()
        try WorkflowHarness.with(now: start) { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            harness.setNow(start.addingTimeInterval(10 * 60))
            let renewed = try harness.engine.claim(task: task.id, by: amal)
            #expect(renewed.leaseExpiresAt == start.addingTimeInterval(40 * 60))
            #expect(try harness.auditEvents(of: request).last?.details["renewed"] == .bool(true))
            harness.setNow(start.addingTimeInterval(30 * 60))
            expectError("task_claimed") { _ = try harness.engine.claim(task: task.id, by: omar) }
            harness.setNow(start.addingTimeInterval(41 * 60))
            let taken = try harness.engine.claim(task: task.id, by: omar)
            #expect(taken.assignee == "omar.k")
            let last = try #require(try harness.auditEvents(of: request).last)
            #expect(last.action == "claimed" && last.actor == "omar.k")
            #expect(last.details["lapsed_claim_of"] == .string("amal.t"))
            #expect(try harness.request(request).status == "in_review")
        }
    }

    @Test("release: the request stays in review, audited as released by the clerk")
    func release() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            let before = try harness.auditEvents(of: request).count
            _ = try harness.engine.release(task: task.id, by: amal)
            #expect(try harness.request(request).status == "in_review")
            #expect(try events(harness, request, after: before) == ["released clerk amal.t"])
        }
    }

    @Test("reassign: the task is claimed by the new assignee with a lease, audited as the supervisor's claim")
    func reassign() throws {
        try WorkflowHarness.with { harness in
            let directory = StaffDirectory(pool: harness.pool)
            let supervisor = try directory.create(
                name: "salem", role: .supervisor, municipalities: ["BEN"], sectors: [])
            try directory.create(name: "nour", role: .clerk, municipalities: ["BEN"], sectors: ["urban_planning"])
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            let before = try harness.auditEvents(of: request).count
            let reassigned = try harness.engine.reassign(task: task.id, by: supervisor, to: "nour")
            #expect(reassigned.status == .claimed && reassigned.assignee == "nour")
            #expect(reassigned.leaseExpiresAt != nil)
            #expect(try harness.request(request).status == "in_review")
            #expect(try events(harness, request, after: before) == ["claimed clerk salem"])
            #expect(try harness.auditEvents(of: request).last?.details["assignee"] == .string("nour"))
        }
    }

    @Test("approve: in review until the last approval, the next stage opens by the system, the last approves")
    func approve() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let tasks = try harness.tasks(of: request)
            _ = try harness.engine.claim(task: tasks[0].id, by: amal)
            var before = try harness.auditEvents(of: request).count
            _ = try harness.engine.approve(task: tasks[0].id, by: amal)
            #expect(try harness.request(request).status == "in_review")
            #expect(try events(harness, request, after: before) == ["approved clerk amal.t"])
            _ = try harness.engine.claim(task: tasks[1].id, by: omar)
            before = try harness.auditEvents(of: request).count
            _ = try harness.engine.approve(task: tasks[1].id, by: omar)
            #expect(
                try events(harness, request, after: before) == ["approved clerk omar.k", "task_opened system nafidha"])
            for task in tasks[2...] {
                _ = try harness.engine.claim(task: task.id, by: amal)
                _ = try harness.engine.approve(task: task.id, by: amal)
            }
            #expect(try harness.request(request).status == "approved")
            // The approval decided the request: the decision's own event follows it (docs/verification.md).
            #expect(try harness.auditEvents(of: request).suffix(2).map(\.action) == ["approved", "decided"])
        }
    }

    @Test("approve with a note: the approval and its internal note are audited together")
    func approveWithNote() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            let before = try harness.auditEvents(of: request).count
            _ = try harness.engine.approve(task: task.id, by: amal, note: "Plans match the parcel.")
            #expect(
                try events(harness, request, after: before) == ["approved clerk amal.t", "note_added clerk amal.t"])
            #expect(try harness.auditEvents(of: request).last?.details["public"] == .bool(false))
            let note = try harness.pool.withConnection { connection in
                try connection.query(
                    "SELECT body, public, task_id FROM request_messages WHERE request_id = $1 AND kind = 'note'",
                    [request.id])
            }
            #expect(note.count == 1)
            #expect(try note[0].decode("body", as: String.self) == "Plans match the parcel.")
            #expect(try note[0].decode("public", as: Bool.self) == false)
            #expect(try note[0].decode("task_id", as: Int64?.self) == task.id)
        }
    }

    @Test("reject: the request is rejected; the clerk's rejection and the system's cascade are audited")
    func reject() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            let before = try harness.auditEvents(of: request).count
            _ = try harness.engine.reject(task: task.id, by: amal, reason: "Protected zone.")
            #expect(try harness.request(request).status == "rejected")
            #expect(
                try events(harness, request, after: before) == [
                    "rejected clerk amal.t", "cancelled system nafidha", "decided system nafidha",
                ])
        }
    }

    @Test("request-info and reply: awaiting the citizen, then in review again, audited by clerk and citizen")
    func requestInformationAndReply() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            var before = try harness.auditEvents(of: request).count
            _ = try harness.engine.requestInformation(task: task.id, by: amal, message: "Which parcel?")
            #expect(try harness.request(request).status == "awaiting_citizen")
            #expect(try events(harness, request, after: before) == ["information_requested clerk amal.t"])
            before = try harness.auditEvents(of: request).count
            #expect(try harness.engine.reply(for: try harness.citizen(request), message: "P-1/2") == .inReview)
            #expect(try harness.request(request).status == "in_review")
            #expect(try events(harness, request, after: before) == ["citizen_replied citizen \(request.tracking)"])
        }
    }

    @Test("forward: an open task forwarded before any claim puts the request in review, audited by the clerk")
    func forward() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            let before = try harness.auditEvents(of: request).count
            _ = try harness.engine.forward(task: task.id, by: amal, toSector: "health", reason: "Misfiled.")
            #expect(try harness.request(request).status == "in_review")
            #expect(try events(harness, request, after: before) == ["forwarded clerk amal.t"])
        }
    }

    @Test("cancel: the citizen's cancellation is the request's status, audited as the citizen's")
    func cancel() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let before = try harness.auditEvents(of: request).count
            #expect(try harness.engine.cancel(for: try harness.citizen(request)) == .cancelled)
            #expect(try harness.request(request).status == "cancelled")
            #expect(try events(harness, request, after: before) == ["cancelled citizen \(request.tracking)"])
        }
    }

    @Test("note: the request's status does not change, the note is audited by its author")
    func note() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let before = try harness.auditEvents(of: request).count
            let note = try harness.engine.addNote(tracking: request.tracking, text: "Called.", isPublic: true, by: amal)
            #expect(note.isPublic && note.trackingNumber == request.tracking)
            #expect(try harness.request(request).status == "submitted")
            #expect(try events(harness, request, after: before) == ["note_added clerk amal.t"])
        }
    }

    @Test("lease lapse and escalation by the sweep: status unchanged, audited by system/sla-sweep")
    func sweep() throws {
        let start = WorkflowHarness.wholeSecondNow()
        try WorkflowHarness.with(now: start) { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            let before = try harness.auditEvents(of: request).count
            // Past the lease and past both stage-1 deadlines (two working days at most): one run does both.
            harness.setNow(start.addingTimeInterval(30 * 86_400))
            let result = try EscalationSweep(engine: harness.engine).run()
            #expect(result.escalated == 2 && result.leasesLapsed == 1)
            #expect(try harness.request(request).status == "in_review")
            #expect(
                try events(harness, request, after: before) == [
                    "released system sla-sweep", "escalated system sla-sweep", "escalated system sla-sweep",
                ])
            let released = try harness.task(task.id)
            #expect(released.status == .open && released.assignee == nil && released.leaseExpiresAt == nil)
            let again = try EscalationSweep(engine: harness.engine).run()
            #expect(again.escalated == 0 && again.leasesLapsed == 0)
        }
    }
}
