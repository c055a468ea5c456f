import Foundation
import NafidhaCore
import TestSupport
import Testing

/// Pause and resume move deadlines by the working time paused (docs/state-machine.md, "Paused time").
@Suite("Workflow deadlines")
struct WorkflowDeadlineTests {
    func utc(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test("a reply after a pause spanning a Libyan weekend moves the deadlines by the one working day paused")
    func pauseAcrossWeekend() throws {
        // Residence certificate in Benghazi: 2 working days. Filed Tuesday 3 Feb 2026 10:00 Tripoli (08:00 UTC):
        // Wednesday and Thursday count, due Friday 00:00 Tripoli = Thursday 22:00 UTC.
        let filed = try utc("2026-02-03T08:00:00Z")
        try WorkflowHarness.with(now: filed) { harness in
            let request = try harness.file("residence_certificate", in: "BEN", at: filed)
            let task = try harness.tasks(of: request)[0]
            #expect(task.dueAt == (try utc("2026-02-05T22:00:00Z")))
            let clerk = StaffMember.testing("salma.b")
            _ = try harness.engine.claim(task: task.id, by: clerk)
            // Paused from Thursday 12:00 to Sunday 12:00 Tripoli: half of Thursday and half of Sunday are working
            // time (Friday and Saturday are the weekend), one working day in all.
            harness.setNow(try utc("2026-02-05T10:00:00Z"))
            _ = try harness.engine.requestInformation(task: task.id, by: clerk, message: "Please send a utility bill.")
            #expect(try harness.request(request).dueAt == nil)
            harness.setNow(try utc("2026-02-08T10:00:00Z"))
            try harness.engine.reply(for: try harness.citizen(request), message: "Sent.")
            // Half of Thursday was left at the pause; it is spent on Sunday afternoon: due Monday 00:00 Tripoli.
            let resumed = try harness.task(task.id)
            #expect(resumed.dueAt == (try utc("2026-02-08T22:00:00Z")))
            #expect(try harness.request(request).dueAt == (try utc("2026-02-08T22:00:00Z")))
        }
    }

    @Test("the next stage's tasks are due counted from the moment they open")
    func nextStageDueFromOpening() throws {
        // Water connection in Benghazi: stage 1 water (10 days), stage 2 roads and lighting (5 days).
        let filed = try utc("2026-02-01T08:00:00Z")
        try WorkflowHarness.with(now: filed) { harness in
            let request = try harness.file("water_connection", in: "BEN", at: filed)
            let tasks = try harness.tasks(of: request)
            let clerk = StaffMember.testing("nadia.f")
            _ = try harness.engine.claim(task: tasks[0].id, by: clerk)
            // Approved on Wednesday 4 Feb 12:00 Tripoli: counting starts Thursday 5; Thu 5, Sun 8, Mon 9, Tue 10,
            // Wed 11 → due Thursday 12 Feb 00:00 Tripoli.
            harness.setNow(try utc("2026-02-04T10:00:00Z"))
            _ = try harness.engine.approve(task: tasks[0].id, by: clerk)
            let roads = try harness.task(tasks[1].id)
            #expect(roads.status == .open)
            #expect(roads.openedAt == (try utc("2026-02-04T10:00:00Z")))
            #expect(roads.dueAt == (try utc("2026-02-11T22:00:00Z")))
        }
    }
}
