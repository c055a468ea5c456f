import Foundation
import Postgres
import Synchronization

/// Runs the audit sequencer continuously on a thread it owns, with a connection of its own (libpq blocks, and the
/// pool's connections belong to requests: a busy pool must not delay chaining). `nafidha serve` starts one; with
/// several servers on one database they all poll, and the advisory lock lets one chain at a time.
public final class AuditSequencerThread: Sendable {
    /// Limits of the thread; every one has a default.
    public struct Settings: Sendable {
        /// Time between polls while the last batch was not full (100 ms): an event waits about this long, plus
        /// its batch, before it is chained.
        public var pollInterval: Duration = .milliseconds(100)
        /// Events chained per transaction (`AuditSequencer.defaultBatchSize`); a full batch is followed at once by
        /// the next.
        public var batchSize = AuditSequencer.defaultBatchSize
        /// The sequencer connection's `statement_timeout` (30 s): a batch that runs longer is rolled back whole.
        public var statementTimeout: Duration = .seconds(30)
        /// The longest wait after consecutive failures (5 s); the wait doubles from `pollInterval` up to it.
        public var maximumBackoff: Duration = .seconds(5)

        /// The defaults above.
        public init() {}
    }

    private let conninfo: String
    private let settings: Settings
    private let onError: @Sendable (any Error) -> Void
    private let thread = Mutex<OwnedThread?>(nil)

    /// A sequencer thread connecting with `conninfo`; `onError` hears about failed batches (the thread goes on,
    /// reconnecting, after a growing pause).
    public init(conninfo: String, settings: Settings = Settings(), onError: @escaping @Sendable (any Error) -> Void) {
        self.conninfo = conninfo
        self.settings = settings
        self.onError = onError
    }

    /// Starts the thread; the first batch runs at once.
    public func start() {
        let started = OwnedThread(name: "nafidha-audit-sequencer") { [self] thread in loop(on: thread) }
        thread.withLock { $0 = started }
    }

    /// Stops the thread: a batch in progress finishes (or is rolled back by the server if it fails), then the
    /// connection closes. Returns when the thread has ended.
    public func stop() {
        thread.withLock { $0 }?.stop()
    }

    private func loop(on thread: OwnedThread) {
        var connection: PostgresConnection?
        var failures = 0
        var connectionSettings = PostgresConnection.Settings()
        connectionSettings.statementTimeout = settings.statementTimeout
        while !thread.isStopped {
            var pause = settings.pollInterval
            do {
                if connection?.isHealthy != true {
                    connection = try PostgresConnection(conninfo: conninfo, settings: connectionSettings)
                }
                if let connection,
                    try AuditSequencer.chainBatch(limit: settings.batchSize, on: connection)
                        == .chained(settings.batchSize)
                {
                    pause = .zero
                }
                failures = 0
            } catch {
                // A lost or broken connection is replaced on the next round.
                connection = nil
                failures += 1
                onError(error)
                pause = min(settings.pollInterval * (1 << min(failures, 16)), settings.maximumBackoff)
            }
            thread.pause(Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)
        }
    }
}
