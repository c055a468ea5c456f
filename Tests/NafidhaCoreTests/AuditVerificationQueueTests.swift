import Foundation
import NafidhaCore
import Postgres
import Synchronization
import TestSupport
import Testing

/// The bounded verifiers: what they refuse at once, how calls for the same chain share a walk, and that a call
/// waits no longer than its timeout. A verification is held still by locking the checkpoints table it reads.
@Suite("Audit verification queue")
struct AuditVerificationQueueTests {
    /// A world with `settings`, the checkpoints table locked by another session while `body` runs.
    private func withStalledVerifiers(
        _ settings: AuditVerificationQueue.Settings,
        _ body: (AuditVerificationQueue, _ release: () throws -> Void, _ stalled: () throws -> Void) throws -> Void
    ) throws {
        try StaffTestWorld.with { world in
            let queue = AuditVerificationQueue(pool: world.pool, settings: settings)
            let locker = try world.database.connect()
            try locker.execute("BEGIN")
            try locker.execute("LOCK TABLE audit_checkpoints IN ACCESS EXCLUSIVE MODE")
            var released = false
            let release = {
                if !released { try locker.execute("ROLLBACK") }
                released = true
            }
            defer { try? release() }
            let observer = try world.database.connect()
            /// Returns once a verifier waits for the lock.
            let stalled = {
                for _ in 0..<200 {
                    let waiting: Int64 = try observer.query(
                        """
                        SELECT count(*) AS n FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """
                    )[0].decode("n")
                    if waiting > 0 { return }
                    Thread.sleep(forTimeInterval: 0.05)
                }
                Issue.record("no verifier ever waited for the lock")
            }
            try body(queue, release, stalled)
        }
    }

    /// Runs `work` on a thread of its own; the returned closure waits for it and gives its outcome.
    private func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) -> () -> Result<T, any Error> {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            done.signal()
        }.start()
        return {
            done.wait()
            return outcome.withLock { $0! }
        }
    }

    @Test("a call needing more room than the queue has is refused at once, queuing nothing")
    func queueCapacity() throws {
        try StaffTestWorld.with { world in
            var settings = AuditVerificationQueue.Settings()
            settings.queueCapacity = 1
            let queue = AuditVerificationQueue(pool: world.pool, settings: settings)
            let error = #expect(throws: NafidhaError.self) { try queue.verify(["BEN", "TRP"], full: false) }
            #expect(error?.code == .overloaded && error?.status == 503)
            let results = try queue.verify(["BEN"], full: false)
            #expect(results.map(\.intact) == [true])
        }
    }

    @Test("calls for a chain whose walk is queued share it; one call too many is refused at once")
    func sharedWalksAndWaitingCalls() throws {
        var settings = AuditVerificationQueue.Settings()
        settings.queueCapacity = 1
        settings.maximumWaitingCalls = 3
        try withStalledVerifiers(settings) { queue, release, stalled in
            let running = onThread { try queue.verify(["TRP"], full: false) }
            try stalled()
            // TRP is being walked: a new call gets a walk of its own, queued; the next one shares that walk, so the
            // queue's single place suffices for both.
            let queued = onThread { try queue.verify(["TRP"], full: false) }
            Thread.sleep(forTimeInterval: 0.2)
            let sharing = onThread { try queue.verify(["TRP"], full: false) }
            Thread.sleep(forTimeInterval: 0.2)
            let tooMany = #expect(throws: NafidhaError.self) { try queue.verify(["BEN"], full: false) }
            #expect(tooMany?.code == .overloaded)
            try release()
            for call in [running, queued, sharing] {
                let results = try call().get()
                #expect(results.map(\.intact) == [true])
            }
        }
    }

    @Test("a call waits no longer than its timeout; the walk goes on and a later call gets an answer")
    func timeout() throws {
        var settings = AuditVerificationQueue.Settings()
        settings.waitTimeout = .milliseconds(300)
        try withStalledVerifiers(settings) { queue, release, _ in
            let started = ContinuousClock.now
            let error = #expect(throws: NafidhaError.self) { try queue.verify(["TRP"], full: false) }
            #expect(error?.code == .overloaded)
            #expect(ContinuousClock.now - started < .seconds(10))
            try release()
            let results = try queue.verify(["TRP"], full: false)
            #expect(results.map(\.intact) == [true])
        }
    }
}
