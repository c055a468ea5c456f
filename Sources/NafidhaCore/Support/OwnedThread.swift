import Foundation
import Synchronization

/// A thread we own for work that blocks on the database (never Swift concurrency's threads): it runs its body
/// once, the body looping until `isStopped`, and `pause` waits in a way `stop()` cuts short. The SLA sweeper and
/// the audit sequencer run on one each.
final class OwnedThread: Sendable {
    /// Whether `stop()` was called; set under the condition's lock so a pause ends at once.
    private let stopped = Mutex(false)
    private let wake = NSCondition()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts a thread named `name` running `body`, which should return soon after `isStopped` turns true.
    init(name: String, _ body: @escaping @Sendable (OwnedThread) -> Void) {
        let thread = Thread { [self] in
            defer { finished.signal() }
            body(self)
        }
        thread.name = name
        thread.start()
    }

    /// Whether `stop()` was called.
    var isStopped: Bool { stopped.withLock { $0 } }

    /// Waits `seconds`, or less when `stop()` is called meanwhile.
    func pause(_ seconds: TimeInterval) {
        guard seconds > 0 else { return }
        let deadline = Date().addingTimeInterval(seconds)
        wake.lock()
        while !isStopped && wake.wait(until: deadline) {}
        wake.unlock()
    }

    /// Asks the body to end, cuts its pause short, and returns when the thread has ended.
    func stop() {
        wake.lock()
        stopped.withLock { $0 = true }
        wake.signal()
        wake.unlock()
        finished.wait()
    }
}
