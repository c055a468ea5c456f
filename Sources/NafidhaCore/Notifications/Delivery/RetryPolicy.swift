import Foundation

/// When a failed notification is tried again: exponential backoff with jitter (from `initialDelay`, doubling, at
/// most `maximumDelay`, each delay drawn between its half and itself so that a burst of failures spreads out), never
/// before a receiver's `Retry-After`, and never after the notification's `give_up_at`, after which it is
/// dead-lettered.
public struct RetryPolicy: Sendable, Equatable {
    /// The first retry's delay (10 s).
    public var initialDelay: TimeInterval = 10
    /// The longest delay between two attempts (1 h).
    public var maximumDelay: TimeInterval = 3600

    /// The defaults above.
    public init() {}

    /// The next attempt after attempt number `attempt` failed at `now`, or nil to give up.
    /// - Parameter random: a number in `0...1`; the jitter.
    func nextAttempt(
        after attempt: Int, at now: Date, giveUpAt: Date, retryAfter: TimeInterval?,
        random: Double = Double.random(in: 0...1)
    ) -> Date? {
        guard now < giveUpAt else { return nil }
        let exponent = Double(min(max(attempt - 1, 0), 30))
        let ceiling = min(maximumDelay, initialDelay * pow(2, exponent))
        let delay = max(ceiling * (0.5 + 0.5 * random), min(retryAfter ?? 0, NotificationOutbox.retryWindow))
        return min(now.addingTimeInterval(delay), giveUpAt)
    }
}
