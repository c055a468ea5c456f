import Foundation
import NafidhaContract
import Postgres

/// One workflow change in progress: the locked request, the changes made so far and the audit events to append.
/// Every change locks the request row first (`FOR UPDATE`), so two changes to one request run one after the
/// other: two clerks approving the last two steps of a stage at once cannot both miss that the stage is done.
struct WorkflowTransaction {
    /// The request row as locked at the start.
    struct RequestState {
        var id: Int64
        var tracking: String
        var municipality: String
        var status: RequestStatus
        var submittedAt: Date
        var dueAt: Date?
        var slaDays: Int
    }

    /// An audit event to append when the change is complete (appended last: the chain head lock is held until
    /// commit, so the shorter the window the better).
    struct PendingEvent {
        var actor: Actor
        var action: AuditAction
        var taskID: Int64?
        var details: [String: JSONValue]
    }

    let connection: PostgresConnection
    let now: Date
    var request: RequestState
    /// Set when the change is a person's act on a task; the request then leaves `submitted` for good.
    var activity = false
    /// Set by the citizen's cancellation, the only status set on the request directly.
    var cancelled = false
    private var events: [PendingEvent] = []
    private var cachedCalendar: WorkingCalendar?

    /// Locks the request `requestID` (or the request of task `taskID`) and starts the change.
    init(connection: PostgresConnection, now: Date, lockingRequest requestID: Int64? = nil, ofTask taskID: Int64? = nil)
        throws
    {
        self.connection = connection
        self.now = now
        let select = """
            SELECT r.id, r.tracking_number, r.municipality_code, r.status, r.submitted_at, r.due_at,
                   (r.workflow->>'sla_days')::int AS sla_days
            """
        let rows =
            if let taskID {
                try connection.queryPrepared(
                    select + " FROM requests r JOIN tasks t ON t.request_id = r.id WHERE t.id = $1 FOR UPDATE OF r",
                    [taskID]
                )
            } else {
                try connection.queryPrepared(select + " FROM requests r WHERE r.id = $1 FOR UPDATE", [requestID])
            }
        guard let row = rows.first else {
            throw taskID == nil ? WorkflowMessages.requestNotFound() : WorkflowMessages.taskNotFound()
        }
        guard let status = RequestStatus(rawValue: try row.decode("status")) else {
            throw NafidhaError(
                .unavailable, code: "unknown_request_status", message: WorkflowMessages.storedDataInvalid)
        }
        request = RequestState(
            id: try row.decode("id"), tracking: try row.decode("tracking_number"),
            municipality: try row.decode("municipality_code"), status: status,
            submittedAt: try row.decode("submitted_at"), dueAt: try row.decode("due_at"),
            slaDays: try row.decode("sla_days")
        )
    }

    /// The municipality's working calendar, loaded once per change.
    mutating func calendar() throws -> WorkingCalendar {
        if let cachedCalendar { return cachedCalendar }
        guard let calendar = try CalendarStore.calendar(forMunicipality: request.municipality, on: connection) else {
            throw NafidhaError(.unavailable, code: "unknown_municipality", message: WorkflowMessages.storedDataInvalid)
        }
        cachedCalendar = calendar
        return calendar
    }

    /// The task `id`, read after the request lock was taken.
    func task(_ id: Int64) throws -> TaskRecord {
        let rows = try connection.queryPrepared("SELECT \(TaskRecord.columns) FROM tasks WHERE id = $1", [id])
        guard let row = rows.first else { throw WorkflowMessages.taskNotFound() }
        return try TaskRecord(row: row)
    }

    /// Every task of the request, in workflow order.
    func tasks() throws -> [TaskRecord] {
        try connection.queryPrepared(
            "SELECT \(TaskRecord.columns) FROM tasks WHERE request_id = $1 ORDER BY stage_no, step_no", [request.id]
        ).map { try TaskRecord(row: $0) }
    }

    /// Applies `assignments` (a fixed SQL fragment from the engine, never input; parameters from `$3`) to `task`
    /// if nobody changed it since it was read; otherwise `task_changed`.
    func update(_ task: TaskRecord, set assignments: String, _ parameters: [(any PostgresEncodable)?] = []) throws
        -> TaskRecord
    {
        let rows = try connection.queryPrepared(
            """
            UPDATE tasks SET \(assignments), updated_at = now(), version = version + 1
             WHERE id = $1 AND version = $2 RETURNING \(TaskRecord.columns)
            """,
            [task.id, task.version] + parameters
        )
        guard let row = rows.first else { throw WorkflowMessages.taskChanged() }
        return try TaskRecord(row: row)
    }

    /// Stores what a clerk or the citizen wrote (docs/state-machine.md: kept out of the audit trail, which names it
    /// by id) and returns the audit details that point at it.
    func storeMessage(
        _ kind: MessageKind, task: TaskRecord?, author: Actor, body: String, fields: [String: JSONValue] = [:]
    ) throws -> [String: JSONValue] {
        let id: Int64 = try connection.queryPrepared(
            """
            INSERT INTO request_messages (request_id, task_id, kind, author_kind, author, public, body, fields, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::timestamptz) RETURNING id
            """,
            [
                request.id, task?.id, kind.rawValue, author.kind.rawValue, author.id, kind.isPublic, body,
                JSONValue.object(fields).canonicalText, now,
            ]
        )[0].decode("id")
        return ["message_id": .number(Double(id))]
    }

    /// What a stored message is; only forward reasons stay internal.
    enum MessageKind: String {
        case question
        case reply
        case rejectionReason = "rejection_reason"
        case forwardReason = "forward_reason"

        var isPublic: Bool { self != .forwardReason }
    }

    /// Queues an audit event about this request.
    mutating func record(
        _ action: AuditAction, by actor: Actor, task: TaskRecord? = nil, details: [String: JSONValue] = [:]
    ) {
        var details = details
        if let task {
            details["stage"] = .number(Double(task.stage))
            details["step"] = .number(Double(task.step))
            details["sector"] = .string(task.sector)
            details["office"] = .string(task.office)
        }
        events.append(PendingEvent(actor: actor, action: action, taskID: task?.id, details: details))
    }

    /// Recomputes the request's status and deadline from its tasks, then appends the queued audit events.
    mutating func finish() throws -> RequestStatus {
        let tasks = try tasks()
        let previous = cancelled ? RequestStatus.cancelled : request.status
        let status = RequestStatus.derive(previous: previous, tasks: tasks.map(\.status), activity: activity)
        var dueAt = request.dueAt
        if tasks.contains(where: { $0.status == .awaitingCitizen }) {
            dueAt = nil
        } else if dueAt == nil {
            dueAt = try calendar().dueDate(
                workingDays: request.slaDays, from: request.submittedAt, pauses: try pauses())
        }
        try connection.executePrepared(
            """
            UPDATE requests SET status = $2, due_at = $3::timestamptz,
                   closed_at = CASE WHEN $4::boolean THEN coalesce(closed_at, $5::timestamptz) END, version = version + 1
             WHERE id = $1
            """,
            [request.id, status.rawValue, dueAt, status.isFinal, now]
        )
        request.status = status
        request.dueAt = dueAt
        for event in events {
            try AuditLog.append(
                on: connection, municipality: request.municipality, actorKind: event.actor.kind, actor: event.actor.id,
                action: event.action, requestID: request.id, taskID: event.taskID, details: event.details
            )
        }
        events.removeAll()
        return status
    }

    /// The closed pauses of one task, or of every task of the request (their union is what pauses the request).
    func pauses(ofTask taskID: Int64? = nil) throws -> [Range<Date>] {
        let rows = try connection.queryPrepared(
            """
            SELECT p.started_at, p.ended_at FROM task_pauses p JOIN tasks t ON t.id = p.task_id
             WHERE t.request_id = $1 AND ($2::bigint IS NULL OR t.id = $2) AND p.ended_at IS NOT NULL
            """,
            [request.id, taskID]
        )
        return try rows.map { row in
            let start: Date = try row.decode("started_at")
            let end: Date = try row.decode("ended_at")
            return start..<max(start, end)
        }
    }
}
