import Foundation
import NafidhaContract
import Synchronization

/// One channel's workers: a bounded queue of claimed notifications and the threads that send them, each on a
/// thread of its own (sending blocks on the network, within the channel's timeouts). A slow or dead receiver fills
/// only its own lane: the dispatcher claims for a lane only what it has room for, and other channels go on.
final class DeliveryLane: Sendable {
    private struct State {
        var queue: [DeliveryJob] = []
        var running = 0
        var stopping = false
    }

    /// The channel's sender.
    let sender: any NotificationChannelSender
    /// Threads sending.
    let workerCount: Int
    /// Notifications queued or in flight at most: the workers' count twice over, so a worker finds its next job
    /// waiting.
    let capacity: Int
    private let policy: RetryPolicy
    private let deliver: @Sendable (DeliveryResult) -> Void
    private let state = Mutex(State())
    private let ready = NSCondition()
    private let finished: DispatchSemaphore

    /// A lane of `workerCount` threads sending with `sender`; each attempt's result goes to `deliver`.
    init(
        sender: any NotificationChannelSender, workerCount: Int, policy: RetryPolicy,
        deliver: @escaping @Sendable (DeliveryResult) -> Void
    ) {
        self.sender = sender
        self.workerCount = max(1, workerCount)
        capacity = 2 * max(1, workerCount)
        self.policy = policy
        self.deliver = deliver
        finished = DispatchSemaphore(value: 0)
    }

    /// The channel served.
    var channel: NotificationChannel { sender.channel }

    /// Room for more: `capacity` minus what is queued or in flight.
    var room: Int {
        state.withLock { capacity - $0.queue.count - $0.running }
    }

    /// Starts the threads.
    func start() {
        for index in 0..<workerCount {
            let thread = Thread { [self] in work() }
            thread.name = "nafidha-\(channel.rawValue)-\(index)"
            thread.start()
        }
    }

    /// Queues claimed notifications; the dispatcher never gives more than `room`.
    func enqueue(_ jobs: [DeliveryJob]) {
        guard !jobs.isEmpty else { return }
        ready.lock()
        state.withLock { $0.queue += jobs }
        ready.broadcast()
        ready.unlock()
    }

    /// Stops the threads after their current attempt and returns the notifications still queued, never tried.
    func stop() -> [DeliveryJob] {
        ready.lock()
        let untried = state.withLock { state in
            state.stopping = true
            defer { state.queue.removeAll() }
            return state.queue
        }
        ready.broadcast()
        ready.unlock()
        for _ in 0..<workerCount { finished.wait() }
        return untried
    }

    private func work() {
        defer { finished.signal() }
        while let job = next() {
            let started = Date()
            let outcome = sender.deliver(job)
            let result = DeliveryResult(
                job: job, startedAt: started, finishedAt: Date(), outcome: outcome, policy: policy)
            state.withLock { $0.running -= 1 }
            deliver(result)
        }
    }

    /// The next job, waiting for one; nil once stopping.
    private func next() -> DeliveryJob? {
        ready.lock()
        defer { ready.unlock() }
        while true {
            let job: DeliveryJob?? = state.withLock { state in
                if state.stopping { return .some(nil) }
                guard !state.queue.isEmpty else { return nil }
                state.running += 1
                return .some(state.queue.removeFirst())
            }
            if let job { return job }
            ready.wait()
        }
    }
}
