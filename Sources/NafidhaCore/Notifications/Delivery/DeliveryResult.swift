import Foundation
import NafidhaContract

/// What one attempt did to its notification, ready to record: the attempt row, and the notification's new state.
struct DeliveryResult: Sendable, Equatable {
    /// The notification.
    var id: Int64
    /// The attempt's number.
    var attempt: Int
    /// When the attempt started and ended.
    var startedAt: Date
    var finishedAt: Date
    /// What the channel reported.
    var outcome: DeliveryOutcome
    /// `sent`, `pending` (retry at `nextAttemptAt`) or `dead`.
    var state: NotificationState
    /// When a pending notification is tried again.
    var nextAttemptAt: Date?

    /// The result of `outcome` for `job`, `policy` deciding between a retry and the dead letter.
    init(job: DeliveryJob, startedAt: Date, finishedAt: Date, outcome: DeliveryOutcome, policy: RetryPolicy) {
        id = job.id
        attempt = job.attempt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        switch outcome {
        case .sent:
            self.outcome = outcome
            state = .sent
        case .failed:
            self.outcome = outcome
            state = .dead
        case .retry(let code, let error, let retryAfter):
            nextAttemptAt = policy.nextAttempt(
                after: job.attempt, at: finishedAt, giveUpAt: job.giveUpAt, retryAfter: retryAfter)
            if nextAttemptAt == nil {
                self.outcome = .failed(statusCode: code, error: "gave up after \(job.attempt) attempts: \(error)")
                state = .dead
            } else {
                self.outcome = outcome
                state = .pending
            }
        }
    }

    /// The `notification_attempts.outcome` word.
    var outcomeName: String {
        switch outcome {
        case .sent: "sent"
        case .retry: "retry"
        case .failed: "failed"
        }
    }

    /// The row for the recording statement's `jsonb_to_recordset`.
    var recordJSON: JSONValue {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return .object([
            "id": .number(Double(id)), "attempt": .number(Double(attempt)), "outcome": .string(outcomeName),
            "state": .string(state.rawValue), "status_code": outcome.statusCode.map { .number(Double($0)) } ?? .null,
            "error": outcome.error.map { .string(String($0.prefix(500))) } ?? .null,
            "started_at": .string(formatter.string(from: startedAt)),
            "finished_at": .string(formatter.string(from: finishedAt)),
            "next_attempt_at": nextAttemptAt.map { .string(formatter.string(from: $0)) } ?? .null,
        ])
    }
}
