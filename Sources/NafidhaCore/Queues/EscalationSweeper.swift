import Foundation
import Synchronization

/// Runs the escalation sweep periodically on a thread it owns (the sweep blocks on the database, so it never
/// runs on Swift concurrency's threads). `nafidha serve` starts one and stops it before closing the pool.
public final class EscalationSweeper: Sendable {
    /// Time between runs (60 s).
    public static let defaultInterval: TimeInterval = 60

    private let sweep: EscalationSweep
    private let interval: TimeInterval
    private let onError: @Sendable (any Error) -> Void
    /// Whether `stop()` was called; guarded by the condition's lock so the thread wakes at once.
    private let stopped = Mutex(false)
    private let wake = NSCondition()
    private let finished = DispatchSemaphore(value: 0)

    /// A sweeper; `onError` hears about failed runs (the next run tries again).
    public init(
        sweep: EscalationSweep, interval: TimeInterval = defaultInterval,
        onError: @escaping @Sendable (any Error) -> Void
    ) {
        self.sweep = sweep
        self.interval = interval
        self.onError = onError
    }

    /// Starts the thread; the first run happens one interval from now.
    public func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "nafidha-sla-sweep"
        thread.start()
    }

    /// Stops the thread and waits for a run in progress to finish.
    public func stop() {
        wake.lock()
        stopped.withLock { $0 = true }
        wake.signal()
        wake.unlock()
        finished.wait()
    }

    private func loop() {
        defer { finished.signal() }
        while true {
            wake.lock()
            let deadline = Date().addingTimeInterval(interval)
            while !stopped.withLock({ $0 }) && wake.wait(until: deadline) {}
            wake.unlock()
            if stopped.withLock({ $0 }) { return }
            do {
                _ = try sweep.run()
            } catch {
                onError(error)
            }
        }
    }
}
