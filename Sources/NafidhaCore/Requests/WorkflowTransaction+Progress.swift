import Foundation
import Postgres

/// The automatic transitions that follow a person's act: stage advance, cancellation cascades, resuming clocks.
extension WorkflowTransaction {
    /// When every step of `stage` is approved, opens the next stage's tasks in their queues, due from now.
    mutating func openNextStage(ifDone stage: Int) throws {
        let tasks = try tasks()
        guard tasks.filter({ $0.stage == stage }).allSatisfy({ $0.status == .approved }) else { return }
        for task in tasks where task.stage == stage + 1 && task.status == .waiting {
            let dueAt = try calendar().dueDate(workingDays: task.slaDays, from: now)
            let opened = try update(
                task, set: "status = 'open', opened_at = $3::timestamptz, due_at = $4::timestamptz", [now, dueAt])
            record(.taskOpened, by: .system, task: opened)
        }
    }

    /// Cancels every non-final task of the request (other than the one just decided), stopping running pauses.
    /// A `waiting` task that never opened gets `opened_at` = `closed_at`: the schema ties "no `opened_at`" to
    /// `waiting` alone, and a zero-length life is the truth about a step that never ran.
    /// - Returns: the ids of the tasks cancelled.
    mutating func cancelRemainingTasks() throws -> [Int64] {
        var cancelled: [Int64] = []
        for task in try tasks() where !task.status.isFinal {
            if task.status == .awaitingCitizen { try endPause(of: task) }
            _ = try update(
                task,
                set: """
                    status = 'cancelled', closed_at = $3::timestamptz, opened_at = coalesce(opened_at, $3::timestamptz), assignee = NULL, paused_since = NULL,
                    paused_total = paused_total + coalesce($3::timestamptz - paused_since, interval '0')
                    """,
                [now]
            )
            cancelled.append(task.id)
        }
        return cancelled
    }

    /// Ends `task`'s running pause, gives it back to its clerk (`claimed`) and recomputes its deadline with all its
    /// pauses (docs/state-machine.md, "Paused time").
    mutating func resume(_ task: TaskRecord) throws -> TaskRecord {
        try endPause(of: task)
        guard let openedAt = task.openedAt else { throw WorkflowMessages.taskChanged() }
        let dueAt = try calendar().dueDate(
            workingDays: task.slaDays, from: openedAt, pauses: try pauses(ofTask: task.id))
        return try update(
            task,
            set: """
                status = 'claimed', paused_since = NULL, due_at = $4::timestamptz,
                paused_total = paused_total + ($3::timestamptz - paused_since)
                """,
            [now, dueAt]
        )
    }

    private func endPause(of task: TaskRecord) throws {
        try connection.executePrepared(
            "UPDATE task_pauses SET ended_at = greatest(started_at, $2::timestamptz) WHERE task_id = $1 AND ended_at IS NULL",
            [task.id, now]
        )
    }
}
