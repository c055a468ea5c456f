import Foundation
import NafidhaContract
import Postgres

/// A sector's decisions on a task its clerk holds, and forwarding to another sector.
extension WorkflowEngine {
    /// `claimed` → `approved`; when it was the last step of its stage, the next stage's tasks open; the last
    /// approval approves the request. `note`, when given, is kept as an internal note in the same transaction: the
    /// approval and its note stand or fall together.
    public func approve(task id: Int64, version: Int? = nil, by member: StaffMember, note: String? = nil) throws
        -> Staff.QueueTask
    {
        let note = try note.map { try checkedText($0, field: "note") }
        return try change(task: id, version: version, by: member) { transaction, task in
            try Self.require(task, in: [.claimed], action: .approve, assignee: member)
            let approved = try transaction.apply(.approve, to: task)
            transaction.record(.approved, by: member.actor, task: approved)
            try transaction.openNextStage(ifDone: approved.stage)
            if let note {
                _ = try transaction.addNote(note, isPublic: false, task: approved, by: member.actor)
            }
            return try transaction.finish(returning: approved.id)
        }
    }

    /// `claimed` → `rejected` with a reason (stored as a message the citizen sees); the request is rejected and its
    /// other non-final tasks are cancelled.
    public func reject(task id: Int64, version: Int? = nil, by member: StaffMember, reason: String) throws
        -> Staff.QueueTask
    {
        let reason = try checkedText(reason, field: "reason")
        return try change(task: id, version: version, by: member) { transaction, task in
            try Self.require(task, in: [.claimed], action: .reject, assignee: member)
            let rejected = try transaction.apply(.reject, to: task)
            let message = try transaction.storeMessage(
                .rejectionReason, task: rejected, author: member.actor, body: reason)
            transaction.record(.rejected, by: member.actor, task: rejected, details: message)
            let cancelled = try transaction.cancelRemainingTasks()
            if !cancelled.isEmpty {
                transaction.record(
                    .cancelled, by: .system,
                    details: [
                        "cause": .string("request_rejected"), "tasks": .array(cancelled.map { .number(Double($0)) }),
                    ])
            }
            return try transaction.finish(returning: rejected.id)
        }
    }

    /// `claimed` → `awaiting_citizen`: the assignee asks the citizen a question; the task's clock stops.
    public func requestInformation(task id: Int64, version: Int? = nil, by member: StaffMember, message: String)
        throws -> Staff.QueueTask
    {
        let message = try checkedText(message, field: "message")
        return try change(task: id, version: version, by: member) { transaction, task in
            try Self.require(task, in: [.claimed], action: .requestInformation, assignee: member)
            let paused = try transaction.apply(.askCitizen, to: task)
            try transaction.startPause(of: paused)
            let question = try transaction.storeMessage(.question, task: paused, author: member.actor, body: message)
            transaction.record(.informationRequested, by: member.actor, task: paused, details: question)
            return try transaction.finish(returning: paused.id)
        }
    }

    /// `open`/`claimed` → `open` in the queue of another sector of the same municipality (its municipal office),
    /// with a reason (an internal message). A claimed task is forwarded only by its assignee, an open one by any
    /// clerk of its queue. Counted as a misroute: the clock keeps running.
    public func forward(
        task id: Int64, version: Int? = nil, by member: StaffMember, toSector sector: String, reason: String
    ) throws -> Staff.QueueTask {
        let reason = try checkedText(reason, field: "reason")
        return try change(task: id, version: version, by: member) { transaction, task in
            try Self.require(
                task, in: [.open, .claimed], action: .forward, assignee: task.status == .claimed ? member : nil)
            let offices = try transaction.connection.queryPrepared(
                "SELECT code FROM offices WHERE kind = 'municipal' AND municipality_code = $1 AND sector_code = $2",
                [task.municipality, sector]
            )
            guard let office: String = try offices.first?.decode("code") else {
                throw NafidhaError(.validationFailed, fields: ["sector": .noOffice])
            }
            guard sector != task.sector || office != task.office else {
                throw NafidhaError(.validationFailed, fields: ["sector": .sameQueue])
            }
            let forwarded = try transaction.apply(.forward(sector: sector, office: office), to: task)
            var details = try transaction.storeMessage(
                .forwardReason, task: forwarded, author: member.actor, body: reason)
            details["from_sector"] = .string(task.sector)
            details["from_office"] = .string(task.office)
            transaction.record(.forwarded, by: member.actor, task: forwarded, details: details)
            return try transaction.finish(returning: forwarded.id)
        }
    }
}
