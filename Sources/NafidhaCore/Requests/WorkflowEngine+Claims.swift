import Foundation
import NafidhaContract
import Postgres

/// Claims: who holds a task. A claim is a lease (`Settings.leaseDuration`): it lapses when past `lease_expires_at`
/// and unchanged for that long (docs/clerks.md, "Queues, claims and leases").
extension WorkflowEngine {
    /// `open` → `claimed`: the most urgent open task (priority, then due time, then id) of the queues `member` may
    /// work, optionally only of one municipality or sector. Concurrent callers never get the same task.
    public func claimNext(by member: StaffMember, municipality: String? = nil, sector: String? = nil) throws
        -> Staff.QueueTask
    {
        try member.requireActsOnTasks()
        try member.requireScope(municipality: municipality, sector: sector)
        let municipalities = municipality.map { [$0] } ?? member.visibleMunicipalities
        let sectors = sector.map { [$0] } ?? member.visibleSectors
        return try change { connection, now in
            // One ordered index probe per (municipality, sector) queue (index tasks_claim_order), each taking the
            // first row nobody has locked (SKIP LOCKED: concurrent clerks pass each other); then the most urgent of
            // those few candidates. Sorting the whole queue instead cost ~27 ms per claim at 20,000 open tasks.
            // The status stays a literal: a prepared statement's generic plan could not otherwise use the
            // partial index (`WHERE status = 'open'`).
            let rows = try connection.queryPrepared(
                """
                SELECT c.*
                  FROM unnest(coalesce($1::text[], ARRAY(SELECT code FROM municipalities))) AS m (code)
                 CROSS JOIN unnest(coalesce($2::text[], ARRAY(SELECT code FROM sectors))) AS s (code)
                 CROSS JOIN LATERAL (
                    SELECT \(TaskRecord.columns) FROM tasks t
                     WHERE t.status = 'open' AND t.municipality_code = m.code AND t.sector_code = s.code
                     ORDER BY t.priority DESC, t.due_at, t.id
                     LIMIT 1
                       FOR UPDATE SKIP LOCKED
                 ) AS c
                 ORDER BY c.priority DESC, c.due_at, c.id
                 LIMIT 1
                """,
                [municipalities, sectors]
            )
            guard let row = rows.first else { throw NafidhaError(.queueEmpty) }
            let task = try TaskRecord(row: row)
            // The task is ours until commit; now its request, in the order every change takes them.
            var transaction = try WorkflowTransaction(
                connection: connection, now: now, locking: .id(task.requestID), missing: NafidhaError(.taskNotFound))
            transaction.activity = true
            let claimed = try transaction.apply(claim(by: member.name, at: now), to: task)
            transaction.record(.claimed, by: member.actor, task: claimed)
            return try transaction.finish(returning: claimed.id)
        }
    }

    /// Claims task `id`: it must be open, or claimed by someone whose lease has lapsed; claiming one's own claim
    /// again renews the lease. `version`, when given, must be the task's (else `task_changed`).
    public func claim(task id: Int64, version: Int? = nil, by member: StaffMember) throws -> Staff.QueueTask {
        try change(task: id, version: version, by: member) { transaction, task in
            var details: [String: JSONValue] = [:]
            switch task.status {
            case .open: break
            case .claimed where task.assignee == member.name: details["renewed"] = .bool(true)
            case .claimed where task.leaseLapsed(duration: settings.leaseDuration, at: transaction.now):
                details["lapsed_claim_of"] = task.assignee.map(JSONValue.string) ?? .null
            case .claimed:
                throw NafidhaError(.taskClaimed, message: ErrorCode.Message.taskClaimed(by: task.assignee ?? "?"))
            default: throw NafidhaError(.taskNotOpen, message: ErrorCode.Message.taskNotOpen(status: task.status))
            }
            let claimed = try transaction.apply(claim(by: member.name, at: transaction.now), to: task)
            transaction.record(.claimed, by: member.actor, task: claimed, details: details)
            return try transaction.finish(returning: claimed.id)
        }
    }

    /// `claimed` → `open`: gives a claimed task back to its queue. Only its assignee, or a supervisor of its
    /// municipality, may.
    public func release(task id: Int64, version: Int? = nil, by member: StaffMember) throws -> Staff.QueueTask {
        try change(task: id, version: version, by: member) { transaction, task in
            guard task.status == .claimed else { throw NafidhaError(.taskNotClaimed) }
            guard task.assignee == member.name || member.role == .supervisor else {
                throw NafidhaError(.notAssignee)
            }
            let released = try transaction.apply(.release, to: task)
            transaction.record(
                .released, by: member.actor, task: released,
                details: ["assignee": task.assignee.map(JSONValue.string) ?? .null])
            return try transaction.finish(returning: released.id)
        }
    }

    /// A supervisor hands an open or claimed task to the staff member `assignee` (by login), an active clerk or
    /// supervisor who may work its queue. The role is checked before anything else, so that whoever is not a
    /// supervisor gets the same `supervisor_only` whatever login they name (logins cannot be probed).
    public func reassign(task id: Int64, version: Int? = nil, by member: StaffMember, to assignee: String) throws
        -> Staff.QueueTask
    {
        guard member.role == .supervisor else { throw NafidhaError(.supervisorOnly) }
        return try change(task: id, version: version, by: member) { transaction, task in
            let (target, active) = try StaffDirectory.member(named: assignee, on: transaction.connection)
            guard active else {
                throw NafidhaError(.staffInactive, message: ErrorCode.Message.staffInactive(name: target.name))
            }
            guard target.role.actsOnTasks, target.canSee(municipality: task.municipality, sector: task.sector) else {
                throw NafidhaError(.outOfScope, message: ErrorCode.Message.outOfScope(.assignee(target.name)))
            }
            guard task.status == .open || task.status == .claimed else {
                throw NafidhaError(.taskNotOpen, message: ErrorCode.Message.taskNotOpen(status: task.status))
            }
            let reassigned = try transaction.apply(claim(by: target.name, at: transaction.now), to: task)
            transaction.record(
                .claimed, by: member.actor, task: reassigned,
                details: [
                    "assignee": .string(target.name), "reassigned_by": .string(member.name),
                    "previous_assignee": task.assignee.map(JSONValue.string) ?? .null,
                ])
            return try transaction.finish(returning: reassigned.id)
        }
    }

    /// A claim by `assignee` at `now`, leased for `leaseDuration`.
    private func claim(by assignee: String, at now: Date) -> TaskChange {
        .claim(assignee: assignee, leaseUntil: now.addingTimeInterval(settings.leaseDuration))
    }
}
