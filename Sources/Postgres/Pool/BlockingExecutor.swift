import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads we own, fed from a bounded queue, for blocking work requested from async code.
///
/// libpq calls block; running them here keeps Swift concurrency's cooperative threads free.
final class BlockingExecutor: Sendable {
    private struct State {
        /// Taken jobs become nil so their captures are released at once; the prefix is trimmed now and then.
        var jobs: [(@Sendable () -> Void)?] = []
        var head = 0
        var threadsStarted = false
        var isShutDown = false
    }

    let threadCount: Int
    let queueCapacity: Int
    private let state = Mutex(State())
    private let jobsAvailable = DispatchSemaphore(value: 0)

    /// `threadCount` threads (started on first use), at most `queueCapacity` jobs waiting for one.
    init(threadCount: Int, queueCapacity: Int) {
        self.threadCount = max(1, threadCount)
        self.queueCapacity = max(0, queueCapacity)
    }

    /// Queues `job`; throws `poolBusy` when the queue is full and `poolClosed` after `shutDown`.
    func submit(_ job: @escaping @Sendable () -> Void) throws(PostgresError) {
        let startThreads = try state.withLock { state throws(PostgresError) -> Bool in
            if state.isShutDown { throw PostgresError(code: .poolClosed, message: "the connection pool is closed") }
            guard state.jobs.count - state.head < queueCapacity else {
                throw PostgresError(
                    code: .poolBusy,
                    message: "the connection pool's queue is full (\(queueCapacity) waiting); try again later"
                )
            }
            if state.head > 64, state.head * 2 > state.jobs.count {
                state.jobs.removeFirst(state.head)
                state.head = 0
            }
            state.jobs.append(job)
            defer { state.threadsStarted = true }
            return !state.threadsStarted
        }
        if startThreads {
            for number in 1...threadCount {
                let thread = Thread { [self] in runJobs() }
                thread.name = "nafidha-postgres-\(number)"
                thread.start()
            }
        }
        jobsAvailable.signal()
    }

    /// Lets the threads finish the queued jobs and end; later submissions throw `poolClosed`.
    func shutDown() {
        let wasShutDown = state.withLock { state in
            defer { state.isShutDown = true }
            return state.isShutDown
        }
        guard !wasShutDown else { return }
        for _ in 0..<threadCount { jobsAvailable.signal() }
    }

    private func runJobs() {
        while true {
            jobsAvailable.wait()
            let job = state.withLock { state -> (@Sendable () -> Void)? in
                guard state.head < state.jobs.count else { return nil }
                defer {
                    state.jobs[state.head] = nil
                    state.head += 1
                }
                return state.jobs[state.head]
            }
            if let job {
                job()
            } else if state.withLock({ $0.isShutDown }) {
                return
            }
        }
    }
}
