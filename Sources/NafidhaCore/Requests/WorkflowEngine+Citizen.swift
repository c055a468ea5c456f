import Foundation
import NafidhaContract
import Postgres

/// The citizen's two acts on a request: answering a request for information, and cancelling.
extension WorkflowEngine {
    /// The citizen answers: every task awaiting the citizen resumes (`claimed` by the same clerk), its pause ends and
    /// its deadline and the request's are recomputed. `nothing_awaiting_citizen` (409) when no task waits.
    /// - Parameters:
    ///   - requestID: the request, already authenticated by its tracking number and access token.
    ///   - message: the answer, required.
    ///   - fields: extra values (text, numbers, booleans), kept with the answer.
    @discardableResult
    public func reply(toRequest requestID: Int64, by actor: Actor, message: String, fields: [String: JSONValue] = [:])
        throws -> RequestStatus
    {
        guard actor.kind == .citizen else { throw WorkflowMessages.actorNotAllowed() }
        let message = try checkedText(message, field: "message")
        let fields = try checkedReplyFields(fields)
        let now = clock()
        return try pool.withTransaction { connection in
            var transaction = try WorkflowTransaction(connection: connection, now: now, lockingRequest: requestID)
            let waiting = try transaction.tasks().filter { $0.status == .awaitingCitizen }
            guard !transaction.request.status.isFinal, !waiting.isEmpty else {
                throw WorkflowMessages.nothingAwaitsCitizen()
            }
            for task in waiting {
                _ = try transaction.resume(task)
            }
            transaction.activity = true
            let task = waiting.count == 1 ? waiting[0] : nil
            let reply = try transaction.storeMessage(.reply, task: task, author: actor, body: message, fields: fields)
            transaction.record(.citizenReplied, by: actor, task: task, details: reply)
            return try transaction.finish()
        }
    }

    /// The citizen cancels the request: allowed only before any decision (no task approved or rejected) and while
    /// the request is not final; every non-final task is cancelled.
    @discardableResult
    public func cancel(request requestID: Int64, by actor: Actor) throws -> RequestStatus {
        guard actor.kind == .citizen else { throw WorkflowMessages.actorNotAllowed() }
        let now = clock()
        return try pool.withTransaction { connection in
            var transaction = try WorkflowTransaction(connection: connection, now: now, lockingRequest: requestID)
            let decided = try transaction.tasks().contains { $0.status == .approved || $0.status == .rejected }
            guard !transaction.request.status.isFinal, !decided else {
                throw WorkflowMessages.requestNotCancellable(status: transaction.request.status.rawValue)
            }
            let cancelled = try transaction.cancelRemainingTasks()
            transaction.cancelled = true
            transaction.record(
                .cancelled, by: actor,
                details: [
                    "cause": .string("citizen_cancelled"), "tasks": .array(cancelled.map { .number(Double($0)) }),
                ])
            return try transaction.finish()
        }
    }

    /// Reply fields: at most `maximumReplyFields`, each a text within `maximumTextLength`, a number or a boolean.
    private func checkedReplyFields(_ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        guard fields.count <= limits.maximumReplyFields else {
            throw WorkflowMessages.invalidField("fields", WorkflowMessages.tooMany(limits.maximumReplyFields))
        }
        for (name, value) in fields {
            switch value {
            case .bool: continue
            case .number: continue
            case .string(let text) where text.count <= limits.maximumTextLength: continue
            default: throw WorkflowMessages.invalidField("fields.\(name)", WorkflowMessages.unsupportedValue)
            }
        }
        return fields
    }
}
