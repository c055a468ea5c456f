import Foundation
import NafidhaContract
import Postgres

/// The automatic transitions that follow a person's act: stage advance, cancellation cascades, resuming clocks.
extension WorkflowTransaction {
    /// When every step of `stage` is approved, opens the next stage's tasks in their queues, due from now.
    mutating func openNextStage(ifDone stage: Int) throws {
        let tasks = try tasks()
        guard tasks.filter({ $0.stage == stage }).allSatisfy({ $0.status == .approved }) else { return }
        for task in tasks where task.stage == stage + 1 && task.status == .waiting {
            let dueAt = try calendar().dueDate(workingDays: task.slaDays, from: now)
            let opened = try apply(.open(dueAt: dueAt), to: task)
            record(.taskOpened, by: .system, task: opened)
        }
    }

    /// Cancels every non-final task of the request (other than the one just decided), stopping running pauses.
    /// - Returns: the ids of the tasks cancelled.
    mutating func cancelRemainingTasks() throws -> [Int64] {
        var cancelled: [Int64] = []
        for task in try tasks() where !task.status.isFinal {
            if task.status == .awaitingCitizen { try endPause(of: task) }
            _ = try apply(.cancel, to: task)
            cancelled.append(task.id)
        }
        return cancelled
    }

    /// Ends `task`'s running pause, gives it back to its clerk (`claimed`) and recomputes its deadline with all its
    /// pauses (docs/state-machine.md, "Paused time").
    mutating func resume(_ task: TaskRecord) throws -> TaskRecord {
        try endPause(of: task)
        guard let openedAt = task.openedAt else { throw NafidhaError(.taskChanged) }
        let dueAt = try calendar().dueDate(
            workingDays: task.slaDays, from: openedAt, pauses: try pauses(ofTask: task.id))
        return try apply(.resume(dueAt: dueAt), to: task)
    }

    /// Starts the pause of a task that now awaits the citizen.
    func startPause(of task: TaskRecord) throws {
        try connection.executePrepared(
            "INSERT INTO task_pauses (task_id, started_at) VALUES ($1, $2::timestamptz)", [task.id, now])
    }

    private func endPause(of task: TaskRecord) throws {
        try connection.executePrepared(
            "UPDATE task_pauses SET ended_at = greatest(started_at, $2::timestamptz) WHERE task_id = $1 AND ended_at IS NULL",
            [task.id, now]
        )
    }
}
