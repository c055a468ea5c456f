import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Each transition is one transaction: what fails inside it leaves nothing behind, and a task another transaction
/// is taking makes a change answer instead of wait.
@Suite("Workflow engine: one transaction per transition")
struct WorkflowEngineTransactionTests {
    let amal = StaffMember.testing("amal.t")

    @Test("an invalid note is refused before anything changes: the task stays claimed, nothing is audited")
    func invalidNoteLeavesTaskClaimed() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: amal)
            let before = try harness.auditEvents(of: request)
            // 4000 characters as people see them, 8000 as PostgreSQL counts them (noon + fatha, which NFC keeps
            // apart, unlike e + combining acute): over the database's limit, so refused here rather than failing there.
            let combining = String(repeating: "\u{646}\u{64E}", count: 4000)
            for note in ["   ", String(repeating: "ن", count: 4001), combining] {
                expectError("validation_failed") { _ = try harness.engine.approve(task: task.id, by: amal, note: note) }
            }
            #expect(try harness.task(task.id).status == .claimed)
            #expect(try harness.auditEvents(of: request) == before)
        }
    }

    @Test("a note failing inside the transaction rolls the approval back, stage advance included")
    func failingNoteRollsApprovalBack() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let tasks = try harness.tasks(of: request)
            _ = try harness.engine.claim(task: tasks[1].id, by: amal)
            _ = try harness.engine.approve(task: tasks[1].id, by: amal)
            let claimed = try harness.engine.claim(task: tasks[0].id, by: amal)
            // The database refuses notes from now on: the note's INSERT fails after the approval's UPDATE.
            try harness.pool.withConnection { connection in
                try connection.execute(
                    """
                    CREATE FUNCTION refuse_notes() RETURNS trigger LANGUAGE plpgsql
                        AS $$ BEGIN RAISE EXCEPTION 'notes refused by the test'; END $$
                    """)
                try connection.execute(
                    """
                    CREATE TRIGGER refuse_notes BEFORE INSERT ON request_messages FOR EACH ROW
                      WHEN (NEW.kind = 'note') EXECUTE FUNCTION refuse_notes()
                    """)
            }
            let before = try harness.auditEvents(of: request)
            #expect(throws: PostgresError.self) {
                _ = try harness.engine.approve(task: tasks[0].id, by: amal, note: "Checked on site.")
            }
            let after = try harness.task(tasks[0].id)
            #expect(after.status == .claimed && after.version == claimed.version)
            #expect(try harness.task(tasks[2].id).status == .waiting)
            #expect(try harness.auditEvents(of: request) == before)
            #expect(try harness.request(request).status == "in_review")
            let notes = try harness.pool.withConnection { connection in
                try connection.query("SELECT 1 FROM request_messages WHERE kind = 'note'").count
            }
            #expect(notes == 0)
        }
    }

    @Test("a change meeting a task another transaction holds does not wait: it retries, then answers task_changed")
    func busyTaskAnswersInsteadOfWaiting() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            // As claim-next does between taking its task and locking the request.
            try harness.pool.withConnection { holder in
                try holder.withTransaction { holder in
                    _ = try holder.query("SELECT id FROM tasks WHERE id = $1 FOR UPDATE", [task.id])
                    let started = Date()
                    expectError("task_changed") {
                        _ = try harness.engine.forward(task: task.id, by: amal, toSector: "health", reason: "Misfiled.")
                    }
                    #expect(Date().timeIntervalSince(started) < 5)
                }
            }
            let after = try harness.task(task.id)
            #expect(after.status == .open && after.sector == "urban_planning" && after.version == task.version)
            _ = try harness.engine.forward(task: task.id, by: amal, toSector: "health", reason: "Misfiled.")
            #expect(try harness.task(task.id).sector == "health")
        }
    }
}
