import Foundation
import NafidhaContract
import Postgres

/// Appeals against rejections (docs/appeals.md): the applicant appeals once, within the service's window after the
/// rejection; a supervisor of the municipality upholds the rejection or grants the appeal, which reopens the rejected
/// stage. Each is one transaction under the request's lock, like every other change of the engine.
extension WorkflowEngine {
    /// The applicant appeals the rejection of `citizen`'s request with `reason`: a pending appeal in the
    /// municipality's `appeals` queue, due in `appealSLADays` working days. The request stays `rejected` until a
    /// supervisor grants the appeal.
    /// - Throws: 409 `appeal_already_filed`, `appeal_not_allowed` (the request is not rejected),
    ///   `appeal_window_closed`; 422 `validation_failed` (the reason).
    public func appeal(for citizen: RequestTracking.AuthenticatedRequest, reason: String) throws {
        let reason = try checkedText(reason, field: "reason")
        try change { connection, now in
            var transaction = try WorkflowTransaction(
                connection: connection, now: now, locking: .id(citizen.id), missing: NafidhaError(.requestNotFound))
            let request = try connection.queryPrepared(
                """
                SELECT r.closed_at, coalesce(s.appeal_window_days, $2) AS window_days,
                       EXISTS (SELECT 1 FROM appeals a WHERE a.request_id = r.id) AS appealed
                  FROM requests r JOIN services s ON s.code = r.service_code
                 WHERE r.id = $1
                """,
                [citizen.id, settings.defaultAppealWindowDays]
            )[0]
            guard try !request.decode("appealed", as: Bool.self) else { throw NafidhaError(.appealAlreadyFiled) }
            guard transaction.request.status == .rejected,
                let closedAt = try request.decode("closed_at", as: Date?.self),
                let rejected = try transaction.tasks().first(where: { $0.status == .rejected })
            else { throw NafidhaError(.appealNotAllowed) }
            let calendar = try transaction.calendar()
            let windowEnds = try calendar.dueDate(workingDays: try request.decode("window_days"), from: closedAt)
            guard now < windowEnds else { throw NafidhaError(.appealWindowClosed) }
            let dueAt = try calendar.dueDate(workingDays: settings.appealSLADays, from: now)
            let message = try transaction.insertMessage(
                .appealReason, task: rejected, author: citizen.actor, body: reason)
            let id: Int64 = try connection.queryPrepared(
                """
                INSERT INTO appeals (request_id, task_id, municipality_code, sector_code, reason_message_id, filed_at,
                                     due_at)
                VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz) RETURNING id
                """,
                [citizen.id, rejected.id, rejected.municipality, rejected.sector, message, now, dueAt]
            )[0].decode("id")
            transaction.record(
                .appealed, by: citizen.actor, task: rejected,
                details: [
                    "appeal_id": .number(Double(id)), "message_id": .number(Double(message)),
                    "due_at": .string(ResolvedWorkflow.timestampText(dueAt)),
                ])
            try transaction.finish()
        }
    }

    /// A supervisor upholds appeal `id`: the rejection stands, the appeal leaves the queue, the reason reaches the
    /// applicant's timeline.
    /// - Throws: 403 `read_only_role`, `supervisor_only`; 404 `appeal_not_found` (unknown or outside the
    ///   supervisor's municipalities); 409 `appeal_already_decided`; 422 `validation_failed`.
    public func upholdAppeal(_ id: Int64, by member: StaffMember, reason: String) throws -> Staff.Appeal {
        try decideAppeal(id, by: member, reason: reason, granted: false)
    }

    /// A supervisor grants appeal `id`: the rejected task opens again in its queue with a new deadline (its SLA from
    /// now), so do the steps of its stage the rejection cancelled; the later stages wait again; the request is back
    /// in review.
    /// - Throws: as `upholdAppeal`.
    public func grantAppeal(_ id: Int64, by member: StaffMember, reason: String) throws -> Staff.Appeal {
        try decideAppeal(id, by: member, reason: reason, granted: true)
    }

    private func decideAppeal(_ id: Int64, by member: StaffMember, reason: String, granted: Bool) throws
        -> Staff.Appeal
    {
        try member.requireActsOnTasks()
        guard member.role == .supervisor else { throw NafidhaError(.supervisorOnly) }
        let reason = try checkedText(reason, field: "reason")
        return try change { connection, now in
            // The request's lock first, as every change takes it (docs/state-machine.md, "Concurrency").
            let owner = try connection.queryPrepared("SELECT request_id FROM appeals WHERE id = $1", [id])
            guard let requestID: Int64 = try owner.first?.decode("request_id") else {
                throw NafidhaError(.appealNotFound)
            }
            var transaction = try WorkflowTransaction(
                connection: connection, now: now, locking: .id(requestID), missing: NafidhaError(.appealNotFound))
            let appeal = try AppealQueue.appeal(id, on: connection, now: now)
            guard member.visibleMunicipalities?.contains(appeal.municipality) ?? true else {
                throw NafidhaError(.appealNotFound)
            }
            guard appeal.status == .pending else { throw NafidhaError(.appealAlreadyDecided) }
            var details: [String: JSONValue] = ["appeal_id": .number(Double(id))]
            if granted {
                details["tasks"] = .array(try reopenRejectedStage(&transaction, rejectedTask: appeal.task))
                transaction.activity = true
            }
            let message = try transaction.insertMessage(.appealDecision, task: nil, author: member.actor, body: reason)
            details["message_id"] = .number(Double(message))
            try connection.executePrepared(
                """
                UPDATE appeals SET status = $2, decided_at = $3::timestamptz, decided_by = $4, decision_message_id = $5
                 WHERE id = $1
                """,
                [
                    id, (granted ? AppealStatus.granted : .upheld).rawValue, now, member.name, message,
                ]
            )
            transaction.record(granted ? .appealGranted : .appealUpheld, by: member.actor, details: details)
            try transaction.finish()
            return try AppealQueue.appeal(id, on: connection, now: now)
        }
    }

    /// Reopens the stage of task `rejectedTask`: it and the steps of its stage the rejection cancelled open again,
    /// each due its SLA from now; steps of later stages wait again. Returns the ids of the tasks changed.
    private func reopenRejectedStage(_ transaction: inout WorkflowTransaction, rejectedTask: Int64) throws
        -> [JSONValue]
    {
        let tasks = try transaction.tasks()
        guard let rejected = tasks.first(where: { $0.id == rejectedTask }), rejected.status == .rejected else {
            throw NafidhaError(.storedDataInvalid)
        }
        var changed: [JSONValue] = []
        for task in tasks where task.status == .rejected || task.status == .cancelled {
            if task.stage <= rejected.stage {
                let dueAt = try transaction.calendar().dueDate(workingDays: task.slaDays, from: transaction.now)
                _ = try transaction.apply(.reopen(dueAt: dueAt), to: task)
            } else {
                _ = try transaction.apply(.rewait, to: task)
            }
            changed.append(.number(Double(task.id)))
        }
        return changed
    }
}
