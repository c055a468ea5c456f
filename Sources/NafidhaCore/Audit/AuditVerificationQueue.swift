import Foundation
import Postgres

/// Runs live chain verifications (`AuditLog.verify`) on threads of its own, a bounded few at a time, so that walking a
/// long chain never takes the request workers' or the pool's capacity: at most `verifiers` pooled connections walk
/// chains, at most `maximumWaitingCalls` calls wait for them (each holding the worker it came on), and whatever does
/// not fit is refused at once with 503 `overloaded`.
///
/// One chain at a time: two verifications of the same municipality never run together. A call asking for a chain
/// whose verification is queued and not started joins it (same municipality, same `full`); one that is running is
/// followed by a new one, so every call gets a walk that began after it arrived. A flood of calls therefore costs at
/// most one running and one queued verification per chain, and each repeat walks only the events chained since the
/// checkpoint the last one left.
///
/// Threads start when work arrives and end when none is left, so an idle queue holds no thread and nothing needs
/// stopping.
public final class AuditVerificationQueue: @unchecked Sendable {
    /// The queue's limits; every one has a default.
    public struct Settings: Sendable {
        /// Chains walked at once (1), each on one pooled connection while it walks.
        public var verifiers = 1
        /// Chain verifications waiting for a verifier (64: every chain of a country twice over); a call that would
        /// need more is refused, queuing nothing.
        public var queueCapacity = 64
        /// Calls waiting for their results at once (8), each holding the HTTP worker it came on; one more is
        /// refused at once.
        public var maximumWaitingCalls = 8
        /// How long a call waits for its results (30 s) before it is answered `overloaded`. The verification goes on;
        /// a later call starts from the checkpoint it leaves.
        public var waitTimeout: Duration = .seconds(30)

        /// The defaults above.
        public init() {}
    }

    /// One chain's verification, queued or running; guarded by the queue's condition.
    private final class Job {
        let municipality: String
        let full: Bool
        var outcome: Result<AuditLog.Verification, any Error>?

        init(municipality: String, full: Bool) {
            self.municipality = municipality
            self.full = full
        }
    }

    private let pool: PostgresPool
    /// The limits this queue was made with.
    public let settings: Settings
    // `condition` guards `queued`, `running`, `threads`, `waitingCalls` and every job's `outcome`.
    private let condition = NSCondition()
    private var queued: [Job] = []
    private var running: [Job] = []
    private var threads = 0
    private var waitingCalls = 0

    /// A queue whose verifiers take their connections from `pool`.
    public init(pool: PostgresPool, settings: Settings = Settings()) {
        self.pool = pool
        self.settings = settings
    }

    /// Verifies the chains of `municipalities` (in that order), from their checkpoints or, when `full`, from genesis.
    /// Blocks the calling thread (one we own) until every result is in.
    /// - Throws: 503 `overloaded` when the queue or the waiting calls are full, or after `waitTimeout`; the first
    ///   error a verification met otherwise.
    public func verify(_ municipalities: [String], full: Bool) throws -> [AuditLog.Verification] {
        condition.lock()
        defer { condition.unlock() }
        guard waitingCalls < settings.maximumWaitingCalls else { throw NafidhaError.overloaded }
        var jobs: [Job] = []
        var fresh: [Job] = []
        for municipality in municipalities {
            if let waiting = (queued + fresh).first(where: { $0.municipality == municipality && $0.full == full }) {
                jobs.append(waiting)
            } else {
                let job = Job(municipality: municipality, full: full)
                fresh.append(job)
                jobs.append(job)
            }
        }
        guard queued.count + fresh.count <= settings.queueCapacity else { throw NafidhaError.overloaded }
        queued += fresh
        while threads < settings.verifiers, threads < queued.count {
            threads += 1
            let thread = Thread { [self] in work() }
            thread.name = "nafidha-audit-verifier"
            thread.start()
        }
        waitingCalls += 1
        defer { waitingCalls -= 1 }
        let deadline = Date(timeIntervalSinceNow: Self.seconds(settings.waitTimeout))
        while jobs.contains(where: { $0.outcome == nil }) {
            if !condition.wait(until: deadline), jobs.contains(where: { $0.outcome == nil }) {
                throw NafidhaError.overloaded
            }
        }
        return try jobs.map { try $0.outcome!.get() }
    }

    /// A verifier thread: takes the oldest queued job whose chain no other thread walks, until none is left.
    private func work() {
        condition.lock()
        while let index = queued.firstIndex(where: { job in !running.contains { $0.municipality == job.municipality } })
        {
            let job = queued.remove(at: index)
            running.append(job)
            condition.unlock()
            let outcome = Result {
                try pool.withConnection { try AuditLog.verify(municipality: job.municipality, full: job.full, on: $0) }
            }
            condition.lock()
            job.outcome = outcome
            running.removeAll { $0 === job }
            condition.broadcast()
        }
        threads -= 1
        condition.unlock()
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
