import Foundation
import NafidhaContract
import Postgres

/// One task as stored, as the engine works on it: its place in the workflow, its queue key, status, clock, claim and
/// version. Staff see tasks as `Staff.QueueTask`.
struct TaskRecord: Sendable, Equatable {
    /// The task's id.
    var id: Int64
    /// The request it belongs to.
    var requestID: Int64
    /// Its stage (1-based) and step within the stage.
    var stage: Int
    /// Its step within the stage (1-based).
    var step: Int
    /// The queue key: municipality, sector, office.
    var municipality: String
    /// The sector that must act.
    var sector: String
    /// The office whose queue holds it.
    var office: String
    /// Where it stands.
    var status: TaskStatus
    /// The clerk holding the claim, if any.
    var assignee: String?
    /// Higher first in the queue.
    var priority: Int
    /// Its SLA in working days, counted from `openedAt`.
    var slaDays: Int
    /// When it opened (nil while waiting).
    var openedAt: Date?
    /// When it is due.
    var dueAt: Date?
    /// When the current claim's lease ends (docs/clerks.md, "Queues, claims and leases").
    var leaseExpiresAt: Date?
    /// When it last changed; any change renews a claim's lease.
    var updatedAt: Date
    /// The optimistic-concurrency version: every change increments it.
    var version: Int

    /// The columns `init(row:)` reads, of `tasks` under the alias `t`, for SELECT and RETURNING lists.
    static let columns = """
        t.id, t.request_id, t.stage_no, t.step_no, t.municipality_code, t.sector_code, t.office_code, t.status,
        t.assignee, t.priority, t.sla_days, t.opened_at, t.due_at, t.lease_expires_at,
        t.updated_at, t.version
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        requestID = try row.decode("request_id")
        stage = try row.decode("stage_no")
        step = try row.decode("step_no")
        municipality = try row.decode("municipality_code")
        sector = try row.decode("sector_code")
        office = try row.decode("office_code")
        status = try TaskStatus.decoded(from: row)
        assignee = try row.decode("assignee")
        priority = try row.decode("priority")
        slaDays = try row.decode("sla_days")
        openedAt = try row.decode("opened_at")
        dueAt = try row.decode("due_at")
        leaseExpiresAt = try row.decode("lease_expires_at")
        updatedAt = try row.decode("updated_at")
        version = try row.decode("version")
    }

    /// Whether the claim has gone `duration` without action at `now`: past its lease and unchanged for that long
    /// (every change of the task, such as a citizen's reply handing it back, touches `updated_at`).
    func leaseLapsed(duration: TimeInterval, at now: Date) -> Bool {
        max(leaseExpiresAt ?? .distantPast, updatedAt.addingTimeInterval(duration)) <= now
    }
}

extension TaskStatus {
    /// The `status` column of `row`; a value outside the enum means the database and the code disagree (503).
    static func decoded(from row: PostgresRow) throws -> TaskStatus {
        guard let status = TaskStatus(rawValue: try row.decode("status")) else {
            throw NafidhaError(.unknownTaskStatus)
        }
        return status
    }
}

extension RequestStatus {
    /// The `status` column of `row`; a value outside the enum means the database and the code disagree (503).
    static func decoded(from row: PostgresRow) throws -> RequestStatus {
        guard let status = RequestStatus(rawValue: try row.decode("status")) else {
            throw NafidhaError(.unknownRequestStatus)
        }
        return status
    }
}
