import Foundation
import NafidhaContract
import Postgres

/// The one owner of the state machine of docs/state-machine.md: every transition of a task or a request goes
/// through here. Each runs in one transaction on one connection: it authorizes the actor (a `StaffMember`'s role
/// and scope, an authenticated citizen, the system), locks the request, checks the task's version and lease, makes
/// the change (`WorkflowTransaction.apply`, the only `UPDATE tasks`), derives the request's status
/// (`RequestStatus.derive`), appends the audit events, and commits. Synchronous: call it from threads we own, never
/// from Swift concurrency's cooperative threads.
///
/// The transitions are grouped by concern: `+Claims` (claim-next, claim, release, reassign), `+Decisions`
/// (approve, reject, request-info, forward), `+Citizen` (reply, cancel), `+Appeals` (appeal, uphold, grant),
/// `+Notes`, `+StaffView` (the audited read of personal data) and `+Sweep` (lapsed leases, escalation).
public struct WorkflowEngine: Sendable {
    /// Bounds and durations of the workflow.
    public struct Settings: Sendable {
        /// Longest reason, question, reply or note, in characters as PostgreSQL counts them (default 4000, the
        /// database's own limit on `request_messages.body`).
        public var maximumTextLength = 4000
        /// Most extra field values a citizen's reply may carry (default 50).
        public var maximumReplyFields = 50
        /// How long a claim lasts without action before it lapses (30 minutes).
        public var leaseDuration: TimeInterval = 30 * 60
        /// Attempts of a change that met a task claim-next was taking at that instant (5); each waits a few
        /// milliseconds more. When they run out the change answers `task_changed`.
        public var lockAttempts = 5
        /// Working days after a rejection during which the applicant may appeal, for a service whose catalog entry
        /// sets none (15; docs/appeals.md).
        public var defaultAppealWindowDays = 15
        /// Working days a supervisor has to decide an appeal, counted from its filing (10).
        public var appealSLADays = 10

        /// The defaults above.
        public init() {}
    }

    /// Where requests and tasks live.
    let pool: PostgresPool
    /// Bounds and durations.
    public let settings: Settings
    let clock: @Sendable () -> Date

    /// An engine over `pool`; `clock` gives the instant each change happens (tests pass one they set).
    public init(
        pool: PostgresPool, settings: Settings = Settings(), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pool = pool
        self.settings = settings
        self.clock = clock
    }

    /// Runs `body` in one transaction with the instant of the change. A task row locked by a claim in flight
    /// (`lock_not_available`, SQLSTATE 55P03, from `apply`'s `NOWAIT`) runs the whole change again shortly after;
    /// deadlocks and serialization failures are retried by the pool.
    func change<T>(_ body: (PostgresConnection, Date) throws -> T) throws -> T {
        var attempt = 1
        while true {
            let now = clock()
            do {
                return try pool.withTransaction { try body($0, now) }
            } catch let error as PostgresError where error.sqlState == "55P03" {
                guard attempt < settings.lockAttempts else { throw NafidhaError(.taskChanged) }
                Thread.sleep(forTimeInterval: 0.002 * Double(attempt * attempt))
                attempt += 1
            }
        }
    }

    /// Runs one staff member's change to task `id`: refuses read-only roles, locks the task's request, and hands
    /// `body` the task as the member may act on it (in scope, at `version` when given).
    func change<T>(
        task id: Int64, version: Int?, by member: StaffMember,
        _ body: (inout WorkflowTransaction, TaskRecord) throws -> T
    ) throws -> T {
        try member.requireActsOnTasks()
        return try change { connection, now in
            var transaction = try WorkflowTransaction(
                connection: connection, now: now, locking: .task(id), missing: NafidhaError(.taskNotFound))
            let task = try transaction.task(id, for: member, version: version)
            transaction.activity = true
            return try body(&transaction, task)
        }
    }

    /// Refuses a decision on a task whose status is outside `allowed`, or by anyone but the assignee when one is
    /// required.
    static func require(
        _ task: TaskRecord, in allowed: Set<TaskStatus>, action: TransitionAction, assignee: StaffMember? = nil
    ) throws {
        guard allowed.contains(task.status) else {
            throw NafidhaError(
                .invalidTransition, message: ErrorCode.Message.invalidTransition(action, status: task.status))
        }
        if let assignee, task.assignee != assignee.name { throw NafidhaError(.notAssignee) }
    }

    /// `text` checked by the one text policy (`TextPolicy`, multi-line), trimmed, required and within
    /// `maximumTextLength` (counted in Unicode scalars, as PostgreSQL's `char_length` counts them, so the
    /// database's own check never fails on text that passed here).
    func checkedText(_ text: String, field: String) throws -> String {
        switch TextPolicy.check(text, as: .text, limit: Int.max) {
        case .failure(let refusal):
            throw NafidhaError(.validationFailed, fields: [field: refusal.reason])
        case .success(let checked):
            let trimmed = checked.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.unicodeScalars.count <= settings.maximumTextLength else {
                throw NafidhaError(.validationFailed, fields: [field: .tooLong(maximum: settings.maximumTextLength)])
            }
            return trimmed
        }
    }
}
