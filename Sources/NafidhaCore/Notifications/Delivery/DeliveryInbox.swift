import Foundation
import Synchronization

/// Where the lanes leave their results and the dispatcher picks them up; posting a result wakes the dispatcher, as
/// does stopping it. Bounded by the lanes: each result frees a place a claim had taken.
final class DeliveryInbox: Sendable {
    private let results = Mutex<[DeliveryResult]>([])
    private let stopped = Mutex(false)
    private let wake = NSCondition()

    /// Leaves a result and wakes the dispatcher.
    func post(_ result: DeliveryResult) {
        results.withLock { $0.append(result) }
        signal()
    }

    /// The results waiting, in arrival order.
    var waiting: [DeliveryResult] { results.withLock { $0 } }

    /// Forgets the first `count` results (recorded).
    func remove(first count: Int) {
        results.withLock { $0.removeFirst(min(count, $0.count)) }
    }

    /// Whether `stop()` was called.
    var isStopped: Bool { stopped.withLock { $0 } }

    /// Marks the dispatcher stopped and wakes it.
    func stop() {
        wake.lock()
        stopped.withLock { $0 = true }
        wake.signal()
        wake.unlock()
    }

    /// Waits until `deadline`, or until stopped, or until `enough` results wait.
    func wait(until deadline: Date, enough: Int) {
        wake.lock()
        while !isStopped && results.withLock({ $0.count }) < enough && wake.wait(until: deadline) {}
        wake.unlock()
    }

    private func signal() {
        wake.lock()
        wake.signal()
        wake.unlock()
    }
}
