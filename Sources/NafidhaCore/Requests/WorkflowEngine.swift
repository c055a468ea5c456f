import Foundation
import NafidhaContract
import Postgres

/// The task transitions of docs/state-machine.md as service functions. Each runs in one transaction: it locks the
/// request, checks the transition, updates the task only if its version is the one read (`task_changed`
/// otherwise), applies the automatic follow-ups, recomputes the request's status and deadline, and appends the audit
/// events. Synchronous: call it from threads we own, never from Swift concurrency's cooperative threads.
public struct WorkflowEngine: Sendable {
    /// Bounds on what people may write into the workflow.
    public struct Limits: Sendable {
        /// Longest reason, question or reply, in characters (default 4000).
        public var maximumTextLength = 4000
        /// Most extra field values a citizen's reply may carry (default 50).
        public var maximumReplyFields = 50

        /// The defaults.
        public init() {}
    }

    /// Where requests and tasks live.
    public let pool: PostgresPool
    /// Bounds on reasons, questions and replies.
    public let limits: Limits
    let clock: @Sendable () -> Date

    /// An engine over `pool`; `clock` gives the instant each change happens (tests pass a fixed one).
    public init(pool: PostgresPool, limits: Limits = Limits(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.pool = pool
        self.limits = limits
        self.clock = clock
    }

    /// Task `id` as stored now (its `version` is what a later change must name).
    public func task(_ id: Int64) throws -> TaskRecord {
        try pool.withConnection { connection in
            let rows = try connection.queryPrepared("SELECT \(TaskRecord.columns) FROM tasks WHERE id = $1", [id])
            guard let row = rows.first else { throw WorkflowMessages.taskNotFound() }
            return try TaskRecord(row: row)
        }
    }

    /// `open` → `claimed`: `actor` takes task `id`. `version`, when given, must be the version the clerk saw.
    @discardableResult
    public func claim(task id: Int64, version: Int? = nil, by actor: Actor) throws -> TaskRecord {
        try change(task: id, version: version, by: actor) { transaction, task in
            try Self.require(task, in: [.open], action: "claim")
            let claimed = try transaction.update(
                task, set: "status = 'claimed', assignee = $3, claimed_at = $4::timestamptz",
                [actor.id, transaction.now]
            )
            transaction.record(.claimed, by: actor, task: claimed)
            return claimed
        }
    }

    /// `claimed` → `open`: the assignee puts the task back in its queue.
    @discardableResult
    public func release(task id: Int64, version: Int? = nil, by actor: Actor) throws -> TaskRecord {
        try change(task: id, version: version, by: actor) { transaction, task in
            try Self.require(task, in: [.claimed], action: "release", assignee: actor)
            let released = try transaction.update(task, set: "status = 'open', assignee = NULL")
            transaction.record(.released, by: actor, task: released)
            return released
        }
    }

    /// `claimed` → `approved`; when it was the last step of its stage, the next stage's tasks open.
    @discardableResult
    public func approve(task id: Int64, version: Int? = nil, by actor: Actor) throws -> TaskRecord {
        try change(task: id, version: version, by: actor) { transaction, task in
            try Self.require(task, in: [.claimed], action: "approve", assignee: actor)
            let approved = try transaction.update(
                task, set: "status = 'approved', closed_at = $3::timestamptz", [transaction.now])
            transaction.record(.approved, by: actor, task: approved)
            try transaction.openNextStage(ifDone: approved.stage)
            return approved
        }
    }

    /// `claimed` → `rejected` with a reason (stored as a message the citizen sees); the request is rejected and its other
    /// non-final tasks are cancelled.
    @discardableResult
    public func reject(task id: Int64, version: Int? = nil, by actor: Actor, reason: String) throws -> TaskRecord {
        let reason = try checkedText(reason, field: "reason")
        return try change(task: id, version: version, by: actor) { transaction, task in
            try Self.require(task, in: [.claimed], action: "reject", assignee: actor)
            let rejected = try transaction.update(
                task, set: "status = 'rejected', closed_at = $3::timestamptz", [transaction.now])
            let message = try transaction.storeMessage(.rejectionReason, task: rejected, author: actor, body: reason)
            transaction.record(.rejected, by: actor, task: rejected, details: message)
            let cancelled = try transaction.cancelRemainingTasks()
            if !cancelled.isEmpty {
                transaction.record(
                    .cancelled, by: .system,
                    details: [
                        "cause": .string("request_rejected"), "tasks": .array(cancelled.map { .number(Double($0)) }),
                    ])
            }
            return rejected
        }
    }

    /// `claimed` → `awaiting_citizen`: the assignee asks the citizen a question; the task's clock stops.
    @discardableResult
    public func requestInformation(task id: Int64, version: Int? = nil, by actor: Actor, message: String) throws
        -> TaskRecord
    {
        let message = try checkedText(message, field: "message")
        return try change(task: id, version: version, by: actor) { transaction, task in
            try Self.require(task, in: [.claimed], action: "request information on", assignee: actor)
            let paused = try transaction.update(
                task, set: "status = 'awaiting_citizen', paused_since = $3::timestamptz", [transaction.now])
            try transaction.connection.executePrepared(
                "INSERT INTO task_pauses (task_id, started_at) VALUES ($1, $2::timestamptz)",
                [task.id, transaction.now]
            )
            let question = try transaction.storeMessage(.question, task: paused, author: actor, body: message)
            transaction.record(.informationRequested, by: actor, task: paused, details: question)
            return paused
        }
    }

    /// `open`/`claimed` → `open` in the queue of another sector of the same municipality (its municipal office),
    /// with a reason (an internal message). Counted as a misroute: the clock keeps running.
    @discardableResult
    public func forward(task id: Int64, version: Int? = nil, by actor: Actor, toSector sector: String, reason: String)
        throws -> TaskRecord
    {
        let reason = try checkedText(reason, field: "reason")
        return try change(task: id, version: version, by: actor) { transaction, task in
            try Self.require(
                task, in: [.open, .claimed], action: "forward", assignee: task.status == .claimed ? actor : nil)
            let offices = try transaction.connection.queryPrepared(
                "SELECT code FROM offices WHERE kind = 'municipal' AND municipality_code = $1 AND sector_code = $2",
                [task.municipality, sector]
            )
            guard let office: String = try offices.first?.decode("code") else {
                throw WorkflowMessages.invalidField("sector", WorkflowMessages.noOffice)
            }
            guard sector != task.sector || office != task.office else {
                throw WorkflowMessages.invalidField("sector", WorkflowMessages.sameQueue)
            }
            let forwarded = try transaction.update(
                task, set: "status = 'open', assignee = NULL, sector_code = $3, office_code = $4", [sector, office]
            )
            var details = try transaction.storeMessage(.forwardReason, task: forwarded, author: actor, body: reason)
            details["from_sector"] = .string(task.sector)
            details["from_office"] = .string(task.office)
            transaction.record(.forwarded, by: actor, task: forwarded, details: details)
            return forwarded
        }
    }

    /// Runs one clerk's change to task `id` in a transaction and finishes it (request status, audit events).
    private func change(
        task id: Int64, version: Int?, by actor: Actor,
        _ body: (inout WorkflowTransaction, TaskRecord) throws -> TaskRecord
    ) throws -> TaskRecord {
        guard actor.kind == .clerk else { throw WorkflowMessages.actorNotAllowed() }
        let now = clock()
        return try pool.withTransaction { connection in
            var transaction = try WorkflowTransaction(connection: connection, now: now, ofTask: id)
            let task = try transaction.task(id)
            if let version, version != task.version { throw WorkflowMessages.taskChanged() }
            transaction.activity = true
            let changed = try body(&transaction, task)
            _ = try transaction.finish()
            return changed
        }
    }

    /// Refuses a transition from any status outside `allowed`, or by anyone but the assignee when one is required.
    static func require(_ task: TaskRecord, in allowed: Set<TaskStatus>, action: String, assignee: Actor? = nil) throws
    {
        guard allowed.contains(task.status) else {
            throw WorkflowMessages.invalidTransition(from: task.status.rawValue, action: action)
        }
        if let assignee, task.assignee != assignee.id { throw WorkflowMessages.notAssignee() }
    }

    /// `text` trimmed, required and within `maximumTextLength`.
    func checkedText(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw WorkflowMessages.invalidField(field, WorkflowMessages.required) }
        guard trimmed.count <= limits.maximumTextLength else {
            throw WorkflowMessages.invalidField(field, WorkflowMessages.tooLong(limits.maximumTextLength))
        }
        return trimmed
    }
}
