import Foundation
import NafidhaContract
import Postgres

/// Staff notes on a request: internal (seen by staff only) or public (shown on the citizen's timeline). The text is
/// a request message; the `note_added` audit event names it by id, so the permanent trail holds no free text.
extension WorkflowEngine {
    /// Adds a note to the request `tracking` as `member`. Clerks and supervisors may write on requests with a task
    /// in their scope; auditors and admins only read (403 `read_only_role`); anything else is `request_not_found`.
    /// A public note needs an active request: on an approved, rejected or cancelled one it is 409 `request_closed`.
    public func addNote(tracking: String, text: String, isPublic: Bool, by member: StaffMember) throws -> Staff.Note {
        try member.requireActsOnTasks()
        let text = try checkedText(text, field: "text")
        return try change { connection, now in
            var transaction = try WorkflowTransaction(
                connection: connection, now: now, locking: .tracking(tracking),
                missing: NafidhaError(.requestNotFound))
            let tasks = try transaction.tasks()
            guard tasks.contains(where: { member.canSee(municipality: $0.municipality, sector: $0.sector) }) else {
                throw NafidhaError(.requestNotFound)
            }
            let note = try transaction.addNote(text, isPublic: isPublic, task: nil, by: member.actor)
            try transaction.finish()
            return note
        }
    }
}

extension WorkflowTransaction {
    /// Stores a note (checked text) on the request, about `task` when given, and queues its `note_added` event.
    mutating func addNote(_ text: String, isPublic: Bool, task: TaskRecord?, by actor: Actor) throws -> Staff.Note {
        if isPublic && request.status.isFinal { throw NafidhaError(.requestClosed) }
        let id = try insertMessage(.note(isPublic: isPublic), task: task, author: actor, body: text)
        record(.noteAdded, by: actor, details: ["message_id": .number(Double(id)), "public": .bool(isPublic)])
        return Staff.Note(id: id, trackingNumber: request.tracking, isPublic: isPublic, createdAt: now)
    }
}
