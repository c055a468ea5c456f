import Dispatch

/// One thread waiting for a pooled connection.
///
/// `@unchecked Sendable`: `outcome` is read and written only while holding the pool's lock; the semaphore
/// is thread-safe.
final class PoolWaiter: @unchecked Sendable {
    /// What the pool handed over.
    enum Outcome {
        /// A connection returned by another borrower.
        case connection(PooledConnection)
        /// A free slot: the waiter opens a connection itself.
        case openPermit
        /// The pool was closed.
        case closed
    }

    var outcome: Outcome?
    private let semaphore = DispatchSemaphore(value: 0)

    /// Sets the outcome (under the pool's lock) and wakes the waiter.
    func fulfil(_ outcome: Outcome) {
        self.outcome = outcome
        semaphore.signal()
    }

    /// Blocks until fulfilled or until `deadline`; false when the deadline passed first.
    func wait(until deadline: ContinuousClock.Instant) -> Bool {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return semaphore.wait(timeout: .now()) == .success }
        let (seconds, attoseconds) = remaining.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return semaphore.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success
    }
}
