import Foundation
import NafidhaContract
import Postgres

/// One task as stored: its place in the workflow, its queue key, status, clock and version.
public struct TaskRecord: Sendable, Equatable {
    /// The task's id.
    public var id: Int64
    /// The request it belongs to.
    public var requestID: Int64
    /// Its stage (1-based) and step within the stage.
    public var stage: Int
    /// Its step within the stage (1-based).
    public var step: Int
    /// The queue key: municipality, sector, office.
    public var municipality: String
    /// The sector that must act.
    public var sector: String
    /// The office whose queue holds it.
    public var office: String
    /// Where it stands.
    public var status: TaskStatus
    /// The clerk holding the claim, if any.
    public var assignee: String?
    /// Higher first in the queue.
    public var priority: Int
    /// Its SLA in working days, counted from `openedAt`.
    public var slaDays: Int
    /// When it opened (nil while waiting).
    public var openedAt: Date?
    /// When it is due.
    public var dueAt: Date?
    /// When its clock stopped (set while awaiting the citizen).
    public var pausedSince: Date?
    /// When it became final.
    public var closedAt: Date?
    /// The optimistic-concurrency version: every change increments it.
    public var version: Int

    /// The columns `init(row:)` reads, for SELECT and RETURNING lists.
    static let columns = """
        id, request_id, stage_no, step_no, municipality_code, sector_code, office_code, status, assignee, priority,
        sla_days, opened_at, due_at, paused_since, closed_at, version
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        requestID = try row.decode("request_id")
        stage = try row.decode("stage_no")
        step = try row.decode("step_no")
        municipality = try row.decode("municipality_code")
        sector = try row.decode("sector_code")
        office = try row.decode("office_code")
        let statusText: String = try row.decode("status")
        guard let status = TaskStatus(rawValue: statusText) else {
            throw NafidhaError(.unavailable, code: "unknown_task_status", message: WorkflowMessages.storedDataInvalid)
        }
        self.status = status
        assignee = try row.decode("assignee")
        priority = try row.decode("priority")
        slaDays = try row.decode("sla_days")
        openedAt = try row.decode("opened_at")
        dueAt = try row.decode("due_at")
        pausedSince = try row.decode("paused_since")
        closedAt = try row.decode("closed_at")
        version = try row.decode("version")
    }
}
