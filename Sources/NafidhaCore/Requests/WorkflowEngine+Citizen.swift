import Foundation
import NafidhaContract
import Postgres

/// The citizen's two acts on a request: answering a request for information, and cancelling. The citizen reaches
/// them only as a `RequestTracking.AuthenticatedRequest`, which only a checked access token gives.
extension WorkflowEngine {
    /// The citizen answers: every task awaiting the citizen resumes (`claimed` by the same clerk), its pause ends and
    /// its deadline and the request's are recomputed. `nothing_awaiting_citizen` (409) when no task waits.
    /// - Parameters:
    ///   - citizen: the request, authenticated by its tracking number and access token.
    ///   - message: the answer, required.
    ///   - fields: extra values (text, numbers, booleans), kept with the answer.
    ///   - documents: uploads handed in with the answer (`WorkflowTransaction.attachDocuments`).
    @discardableResult
    public func reply(
        for citizen: RequestTracking.AuthenticatedRequest, message: String, fields: [String: JSONValue] = [:],
        documents: [Documents.Reference] = []
    ) throws -> RequestStatus {
        let message = try checkedText(message, field: "message")
        let fields = try checkedReplyFields(fields)
        return try change { connection, now in
            var transaction = try WorkflowTransaction(
                connection: connection, now: now, locking: .id(citizen.id), missing: NafidhaError(.requestNotFound))
            let waiting = try transaction.tasks().filter { $0.status == .awaitingCitizen }
            guard !transaction.request.status.isFinal, !waiting.isEmpty else {
                throw NafidhaError(.nothingAwaitingCitizen)
            }
            for task in waiting {
                _ = try transaction.resume(task)
            }
            transaction.activity = true
            let task = waiting.count == 1 ? waiting[0] : nil
            let reply = try transaction.storeMessage(
                .reply, task: task, author: citizen.actor, body: message, fields: fields)
            transaction.record(.citizenReplied, by: citizen.actor, task: task, details: reply)
            try transaction.attachDocuments(documents, by: citizen.actor)
            try transaction.finish()
            return transaction.request.status
        }
    }

    /// The citizen cancels the request: allowed only before any decision (no task approved or rejected) and while
    /// the request is not final; every non-final task is cancelled.
    @discardableResult
    public func cancel(for citizen: RequestTracking.AuthenticatedRequest) throws -> RequestStatus {
        try change { connection, now in
            var transaction = try WorkflowTransaction(
                connection: connection, now: now, locking: .id(citizen.id), missing: NafidhaError(.requestNotFound))
            let decided = try transaction.tasks().contains { $0.status == .approved || $0.status == .rejected }
            guard !transaction.request.status.isFinal, !decided else {
                throw NafidhaError(
                    .invalidTransition,
                    message: ErrorCode.Message.requestNotCancellable(status: transaction.request.status))
            }
            let cancelled = try transaction.cancelRemainingTasks()
            transaction.cancelled = true
            transaction.record(
                .cancelled, by: citizen.actor,
                details: [
                    "cause": .string("citizen_cancelled"), "tasks": .array(cancelled.map { .number(Double($0)) }),
                ])
            try transaction.finish()
            return transaction.request.status
        }
    }

    /// Characters a reply field's name may hold.
    static let maximumReplyFieldNameLength = 64

    /// Reply fields: at most `maximumReplyFields`, each named by one line of at most 64 characters and holding a
    /// text within `maximumTextLength` (checked and normalised by the one text policy, `TextPolicy`), a number or a
    /// boolean.
    private func checkedReplyFields(_ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        guard fields.count <= settings.maximumReplyFields else {
            throw NafidhaError(.validationFailed, fields: ["fields": .tooMany(maximum: settings.maximumReplyFields)])
        }
        var checked: [String: JSONValue] = [:]
        for (name, value) in fields {
            // A name is shown beside its value: one short line under the same policy.
            if case .failure(let refusal) = TextPolicy.check(name, as: .line, limit: Self.maximumReplyFieldNameLength) {
                throw NafidhaError(.validationFailed, fields: ["fields": refusal.reason])
            }
            switch value {
            case .bool, .number, .string(""):
                checked[name] = value
            case .string(let text):
                switch TextPolicy.check(text, as: .text, limit: settings.maximumTextLength) {
                case .success(let text): checked[name] = .string(text)
                case .failure(let refusal):
                    throw NafidhaError(.validationFailed, fields: ["fields.\(name)": refusal.reason])
                }
            default: throw NafidhaError(.validationFailed, fields: ["fields.\(name)": .unsupportedValue])
            }
        }
        return checked
    }
}
