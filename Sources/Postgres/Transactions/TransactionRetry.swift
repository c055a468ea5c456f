import Foundation

/// When and how often a transaction is run again after a serialization failure (40001) or a deadlock (40P01).
public struct TransactionRetry: Sendable {
    /// Attempts in total, the first included; at least 1.
    public var maxAttempts: Int
    /// The pause before the second attempt; it doubles for each further attempt, up to `maxBackoff`.
    public var initialBackoff: Duration
    /// The longest pause between attempts.
    public var maxBackoff: Duration

    /// A policy; each pause is drawn uniformly between half and all of its nominal length (jitter), so
    /// transactions that collided do not collide again in step.
    public init(maxAttempts: Int, initialBackoff: Duration, maxBackoff: Duration) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// Up to 5 attempts, pauses from 5 ms doubling to at most 100 ms: the default.
    public static let conflicts = TransactionRetry(
        maxAttempts: 5, initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(100)
    )

    /// One attempt, no retry.
    public static let never = TransactionRetry(maxAttempts: 1, initialBackoff: .zero, maxBackoff: .zero)

    /// True when `error` is worth another attempt.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PostgresError else { return false }
        return error.isSerializationFailure || error.isDeadlock
    }

    /// The jittered pause after failed attempt number `attempt` (1-based).
    func backoff(afterAttempt attempt: Int) -> Duration {
        var nominal = initialBackoff
        for _ in 1..<max(1, attempt) where nominal < maxBackoff { nominal *= 2 }
        nominal = min(nominal, maxBackoff)
        return nominal * Double.random(in: 0.5...1.0)
    }

    /// Runs `body` until it succeeds, fails with an error that is not retryable, or attempts run out,
    /// pausing the calling thread (one we own) between attempts.
    func run<T>(_ body: () throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try body()
            } catch  where attempt < maxAttempts && Self.isRetryable(error) {
                let (seconds, attoseconds) = backoff(afterAttempt: attempt).components
                Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
                attempt += 1
            }
        }
    }
}
