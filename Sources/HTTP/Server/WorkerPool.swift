import Foundation

/// A fixed set of threads we own that run handlers (which may block), fed by a bounded queue.
final class WorkerPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    // `condition` guards `queue`, `head`, `queued`, `stopping`, `idle`, `busy` and `running`.
    private let condition = NSCondition()
    private var queue: [Job?]
    private var head = 0
    private var queued = 0
    private var idle = 0
    /// Threads running a job right now.
    private var busy = 0
    private var running = 0
    private var stopping = false
    private let threadCount: Int

    init(threads: Int, queueLength: Int) {
        threadCount = max(1, threads)
        queue = Array(repeating: nil, count: max(1, queueLength))
    }

    func start() {
        condition.lock()
        running = threadCount
        condition.unlock()
        for index in 0..<threadCount {
            let thread = Thread { [self] in work() }
            thread.name = "http-worker-\(index)"
            thread.start()
        }
    }

    /// Busy threads and queued jobs at this instant, with the pool's capacity.
    var saturation: WorkerSaturation {
        condition.lock()
        defer { condition.unlock() }
        return WorkerSaturation(
            busyWorkers: busy, queuedRequests: queued, workerCount: threadCount, queueCapacity: queue.count)
    }

    /// Queues a job; false when the queue is full (the caller answers 503) or the pool is stopping.
    func submit(_ job: @escaping Job) -> Bool {
        condition.lock()
        guard !stopping, queued < queue.count else {
            condition.unlock()
            return false
        }
        queue[(head + queued) % queue.count] = job
        queued += 1
        let wake = idle > 0
        condition.unlock()
        if wake { condition.signal() }
        return true
    }

    /// Lets queued jobs finish, waits until `deadline` (monotonic ns) for the threads to exit, then returns.
    func stop(deadline: UInt64) {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 {
            let now = Posix.monotonicNanoseconds()
            if now >= deadline { break }
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(deadline - now) / 1e9))
        }
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            while queued == 0 && !stopping {
                idle += 1
                condition.wait()
                idle -= 1
            }
            if queued == 0 { break }
            let job = queue[head]!
            queue[head] = nil
            head = (head + 1) % queue.count
            queued -= 1
            busy += 1
            condition.unlock()
            job()
            condition.lock()
            busy -= 1
        }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
