import Foundation
import NafidhaContract
import Postgres

/// One workflow change in progress: the locked request, the changes made so far and the audit events to append.
///
/// Locks are taken in one order so that changes never deadlock: the request row first (`FOR UPDATE`, waiting), then
/// task rows without waiting (`apply` locks with `NOWAIT`). The only transaction that holds a task lock before its
/// request's is claim-next, which takes its task with `SKIP LOCKED` and then waits for the request; a change that
/// meets such a task gets `lock_not_available` and `WorkflowEngine` runs it again (docs/state-machine.md).
struct WorkflowTransaction {
    /// The request row as locked at the start.
    struct RequestState {
        var id: Int64
        var tracking: String
        var municipality: String
        var service: String
        var status: RequestStatus
        var submittedAt: Date
        var dueAt: Date?
        var slaDays: Int
    }

    /// How the request to lock is named.
    enum RequestKey {
        /// By the request's id.
        case id(Int64)
        /// By the id of one of its tasks.
        case task(Int64)
        /// By its tracking number, as typed (upper-cased here).
        case tracking(String)
    }

    /// An audit event to append when the change is complete (appended last: the chain head lock is held until
    /// commit, so the shorter the window the better).
    struct PendingEvent {
        var actor: Actor
        var action: AuditAction
        /// The task as it was after the change recorded (the notification events describe it).
        var task: TaskRecord?
        var details: [String: JSONValue]
    }

    let connection: PostgresConnection
    let now: Date
    var request: RequestState
    /// Set when the change is a person's act on a task; the request then leaves `submitted` for good.
    var activity = false
    /// Set by the citizen's cancellation, the only status the citizen's act decides rather than the tasks.
    var cancelled = false
    private(set) var events: [PendingEvent] = []
    private var cachedCalendar: WorkingCalendar?

    /// Locks the request named by `key` and starts the change; `missing` is thrown when there is no such request.
    init(connection: PostgresConnection, now: Date, locking key: RequestKey, missing: @autoclosure () -> NafidhaError)
        throws
    {
        self.connection = connection
        self.now = now
        let select = """
            SELECT r.id, r.tracking_number, r.municipality_code, r.service_code, r.status, r.submitted_at, r.due_at,
                   (r.workflow->>'sla_days')::int AS sla_days
              FROM requests r
            """
        let rows =
            switch key {
            case .id(let id):
                try connection.queryPrepared(select + " WHERE r.id = $1 FOR UPDATE", [id])
            case .task(let id):
                try connection.queryPrepared(
                    select + " WHERE r.id = (SELECT request_id FROM tasks WHERE id = $1) FOR UPDATE", [id])
            case .tracking(let tracking):
                try connection.queryPrepared(
                    select + " WHERE r.tracking_number = $1 FOR UPDATE", [String(tracking.uppercased().prefix(64))])
            }
        guard let row = rows.first else { throw missing() }
        request = RequestState(
            id: try row.decode("id"), tracking: try row.decode("tracking_number"),
            municipality: try row.decode("municipality_code"), service: try row.decode("service_code"),
            status: try RequestStatus.decoded(from: row),
            submittedAt: try row.decode("submitted_at"), dueAt: try row.decode("due_at"),
            slaDays: try row.decode("sla_days")
        )
    }

    /// The municipality's working calendar, loaded once per change.
    mutating func calendar() throws -> WorkingCalendar {
        if let cachedCalendar { return cachedCalendar }
        guard let calendar = try CalendarStore.calendar(forMunicipality: request.municipality, on: connection) else {
            throw NafidhaError(.storedDataInvalid)
        }
        cachedCalendar = calendar
        return calendar
    }

    /// The task `id` of this request, read after the request lock was taken (so only claim-next can be changing it,
    /// and `apply` will notice).
    func task(_ id: Int64) throws -> TaskRecord {
        let rows = try connection.queryPrepared(
            "SELECT \(TaskRecord.columns) FROM tasks t WHERE t.id = $1 AND t.request_id = $2", [id, request.id])
        guard let row = rows.first else { throw NafidhaError(.taskNotFound) }
        return try TaskRecord(row: row)
    }

    /// Every task of the request, in workflow order.
    func tasks() throws -> [TaskRecord] {
        try connection.queryPrepared(
            "SELECT \(TaskRecord.columns) FROM tasks t WHERE t.request_id = $1 ORDER BY t.stage_no, t.step_no",
            [request.id]
        ).map { try TaskRecord(row: $0) }
    }

    /// The task `id` as `member` may act on it: outside the member's scope it does not exist (`task_not_found`), and
    /// `version`, when given, must be the one the member read (`task_changed`).
    func task(_ id: Int64, for member: StaffMember, version: Int?) throws -> TaskRecord {
        let task = try task(id)
        guard member.canSee(municipality: task.municipality, sector: task.sector) else {
            throw NafidhaError(.taskNotFound)
        }
        if let version, version != task.version { throw NafidhaError(.taskChanged) }
        return task
    }

    /// Makes `change` to `task` if nobody changed it since it was read (`task_changed` otherwise): the engine's one
    /// `UPDATE tasks`. The row is locked without waiting (`lock_not_available` while claim-next holds it), and every
    /// change stamps `updated_at`, which renews a claim's lease.
    func apply(_ change: TaskChange, to task: TaskRecord) throws -> TaskRecord {
        let (assignments, parameters) = change.assignments
        let rows = try connection.queryPrepared(
            """
            WITH target AS (SELECT id FROM tasks WHERE id = $1 AND version = $2 FOR UPDATE NOWAIT)
            UPDATE tasks t SET \(assignments), updated_at = $3::timestamptz, version = t.version + 1
              FROM target WHERE t.id = target.id
            RETURNING \(TaskRecord.columns)
            """,
            [task.id, task.version, now] + parameters
        )
        guard let row = rows.first else { throw NafidhaError(.taskChanged) }
        return try TaskRecord(row: row)
    }

    /// Stores what a clerk or the citizen wrote (docs/state-machine.md: kept out of the audit trail, which names it
    /// by id) and returns the audit details that point at it.
    func storeMessage(
        _ kind: MessageKind, task: TaskRecord?, author: Actor, body: String, fields: [String: JSONValue] = [:]
    ) throws -> [String: JSONValue] {
        ["message_id": .number(Double(try insertMessage(kind, task: task, author: author, body: body, fields: fields)))]
    }

    /// Inserts a request message and returns its id.
    func insertMessage(
        _ kind: MessageKind, task: TaskRecord?, author: Actor, body: String, fields: [String: JSONValue] = [:]
    ) throws -> Int64 {
        try connection.queryPrepared(
            """
            INSERT INTO request_messages (request_id, task_id, kind, author_kind, author, public, body, fields, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::timestamptz) RETURNING id
            """,
            [
                request.id, task?.id, kind.name, author.kind.rawValue, author.id, kind.isPublic, body,
                JSONValue.object(fields).canonicalText, now,
            ]
        )[0].decode("id")
    }

    /// What a stored message is; forward reasons and internal notes stay among staff.
    enum MessageKind {
        case question
        case reply
        case rejectionReason
        case forwardReason
        case note(isPublic: Bool)
        case appealReason
        case appealDecision

        /// The `request_messages.kind` value.
        var name: String {
            switch self {
            case .question: "question"
            case .reply: "reply"
            case .rejectionReason: "rejection_reason"
            case .forwardReason: "forward_reason"
            case .note: "note"
            case .appealReason: "appeal_reason"
            case .appealDecision: "appeal_decision"
            }
        }

        /// Whether the citizen's timeline shows it.
        var isPublic: Bool {
            switch self {
            case .forwardReason: false
            case .note(let isPublic): isPublic
            case .question, .reply, .rejectionReason, .appealReason, .appealDecision: true
            }
        }
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
        events.append(PendingEvent(actor: actor, action: action, task: task, details: details))
    }

    /// Recomputes the request's status (`RequestStatus.derive`, never set by hand) and deadline from its tasks,
    /// appends the queued audit events, writes the notification events the change causes (one statement, in this
    /// transaction: docs/notifications.md), and returns the tasks as staff see them.
    @discardableResult
    mutating func finish() throws -> [Staff.QueueTask] {
        let tasks = try Staff.QueueTask.all(ofRequest: request.id, on: connection)
        let previous = cancelled ? RequestStatus.cancelled : request.status
        let status = RequestStatus.derive(previous: previous, tasks: tasks.map(\.status), activity: activity)
        var dueAt = request.dueAt
        if tasks.contains(where: { $0.status == .awaitingCitizen }) {
            dueAt = nil
        } else if dueAt == nil && status != .awaitingPayment {
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
        let previousStatus = request.status
        if status != previousStatus { try settleBill(closedAs: status) }
        request.status = status
        request.dueAt = dueAt
        try NotificationOutbox.write(
            notificationEvents(previous: previousStatus, tasks: tasks), requestID: request.id,
            municipality: request.municipality, occurredAt: now, on: connection)
        for event in events {
            try AuditLog.append(
                on: connection, municipality: request.municipality, actorKind: event.actor.kind, actor: event.actor.id,
                action: event.action, requestID: request.id, taskID: event.task?.id, details: event.details
            )
        }
        events.removeAll()
        // A decision's own event comes last: its facts are the request as this change leaves it.
        if status != previous && (status == .approved || status == .rejected) {
            try DecisionEvent.append(requestID: request.id, on: connection)
        }
        return tasks
    }

    /// `finish()`, answering with task `id` as staff see it after the change.
    mutating func finish(returning id: Int64) throws -> Staff.QueueTask {
        guard let task = try finish().first(where: { $0.id == id }) else { throw NafidhaError(.taskNotFound) }
        return task
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
