import Foundation
import Postgres
import Synchronization

/// Runs the checkpointer on a thread it owns, with a connection of its own (libpq blocks, and the pool's
/// connections belong to requests). `nafidha serve` starts one when it has a signing key; with several servers on
/// one database, the advisory lock lets one work at a time.
public final class AuditCheckpointerThread: Sendable {
    /// Limits of the thread; every one has a default.
    public struct Settings: Sendable {
        /// Time between rounds (60 s, `NAFIDHA_CHECKPOINT_INTERVAL_SECONDS`): a decision is in a signed checkpoint
        /// at most this long, plus the sequencer's delay, after it was made.
        public var interval: Duration = .seconds(60)
        /// The checkpointer connection's `statement_timeout` (30 s): a batch of the tree's growth that runs longer is
        /// rolled back.
        public var statementTimeout: Duration = .seconds(30)

        /// The defaults above.
        public init() {}
    }

    private let checkpointer: AuditCheckpointer
    private let conninfo: String
    private let settings: Settings
    private let onError: @Sendable (any Error) -> Void
    private let thread = Mutex<OwnedThread?>(nil)

    /// A checkpointer thread connecting with `conninfo`; `onError` hears about failed rounds (the next round tries
    /// again, on a new connection).
    public init(
        checkpointer: AuditCheckpointer, conninfo: String, settings: Settings = Settings(),
        onError: @escaping @Sendable (any Error) -> Void
    ) {
        self.checkpointer = checkpointer
        self.conninfo = conninfo
        self.settings = settings
        self.onError = onError
    }

    /// Starts the thread; the first round runs at once.
    public func start() {
        let started = OwnedThread(name: "nafidha-audit-checkpointer") { [self] thread in loop(on: thread) }
        thread.withLock { $0 = started }
    }

    /// Stops the thread after the round in progress, if any; returns when it has ended.
    public func stop() {
        thread.withLock { $0 }?.stop()
    }

    private func loop(on thread: OwnedThread) {
        var connection: PostgresConnection?
        var connectionSettings = PostgresConnection.Settings()
        connectionSettings.statementTimeout = settings.statementTimeout
        while !thread.isStopped {
            do {
                if connection?.isHealthy != true {
                    connection = try PostgresConnection(conninfo: conninfo, settings: connectionSettings)
                }
                if let connection {
                    _ = try checkpointer.runRound(on: connection)
                }
            } catch {
                // A lost or broken connection is replaced on the next round.
                connection = nil
                onError(error)
            }
            let interval = settings.interval
            thread.pause(Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
        }
    }
}
