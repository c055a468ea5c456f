import Foundation
import Postgres
import Synchronization

/// Where reads that tolerate a few seconds of staleness run (reports, Open311 lists, the event feed): a streaming replica when one
/// is configured and current, else the primary.
///
/// A thread of its own (`start()`) asks the replica how far behind it is every `checkInterval`; a request only
/// reads the last answer, so a slow or unreachable replica never holds a request. A replica more than
/// `maximumLag` behind, not answering, or failing in the middle of a read, is left for the primary until a check
/// finds it current again; a read the replica failed runs again, whole, on the primary (its result is built
/// before anything is sent, so a client never gets half of one and half of the other).
public final class ReadRouting: Sendable {
    /// The routing's limits.
    public struct Settings: Sendable {
        /// Lag beyond which reads go to the primary (30 s).
        public var maximumLag: Duration = .seconds(30)
        /// Time between two checks of the replica (1 s).
        public var checkInterval: Duration = .seconds(1)

        /// The defaults above.
        public init() {}
    }

    /// What the last check found.
    public enum State: Sendable, Equatable {
        /// No replica is configured: every read goes to the primary.
        case notConfigured
        /// Not checked yet (reads go to the primary meanwhile).
        case unknown
        /// Streaming, at most `maximumLag` behind: reads go to the replica.
        case current(lagSeconds: Double)
        /// More than `maximumLag` behind: reads go to the primary.
        case lagging(lagSeconds: Double)
        /// Not answering, not a standby, or it failed a read: reads go to the primary.
        case unavailable(reason: String)

        /// Whether reads go to the replica in this state.
        public var readsFromReplica: Bool {
            if case .current = self { return true }
            return false
        }
    }

    private let primary: PostgresPool
    private let replica: PostgresPool?
    private let settings: Settings
    private let current: Mutex<State>
    private let thread = Mutex<OwnedThread?>(nil)

    /// Reads on `replica` when given and current, else on `primary`.
    public init(primary: PostgresPool, replica: PostgresPool?, settings: Settings = Settings()) {
        self.primary = primary
        self.replica = replica
        self.settings = settings
        current = Mutex(replica == nil ? .notConfigured : .unknown)
    }

    /// What the last check (or the last failed read) found.
    public var state: State { current.withLock { $0 } }

    /// Runs `body` on a connection of the replica when it is current, else of the primary; when the replica fails
    /// on the way (connection lost, no connection to be had, or a query cancelled by recovery), marks it
    /// unavailable and runs `body` again on the primary. `body` must only read.
    public func read<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        if let replica, state.readsFromReplica {
            do {
                return try replica.withConnection(body)
            } catch let error as PostgresError where Self.isReplicaFailure(error) {
                current.withLock { $0 = .unavailable(reason: "a read failed: \(error.message)") }
            }
        }
        return try primary.withConnection(body)
    }

    /// Asks the replica how far behind it is and records the answer; what the thread does every `checkInterval`.
    public func check() {
        guard let replica else { return }
        let found: State
        do {
            if let lag = try replica.withConnection({ try Self.lag(on: $0) }) {
                found = lag <= settings.maximumLag.inSeconds ? .current(lagSeconds: lag) : .lagging(lagSeconds: lag)
            } else {
                found = .unavailable(reason: "it is not a standby")
            }
        } catch {
            found = .unavailable(reason: "\(error)")
        }
        current.withLock { $0 = found }
    }

    /// Starts the checking thread (nothing to do without a replica).
    public func start() {
        guard replica != nil else { return }
        let interval = settings.checkInterval.inSeconds
        let started = OwnedThread(name: "nafidha-replica-check") { [self] thread in
            while !thread.isStopped {
                check()
                thread.pause(interval)
            }
        }
        thread.withLock { $0 = started }
    }

    /// Stops the checking thread; returns when it has ended.
    public func stop() {
        thread.withLock { $0 }?.stop()
    }

    /// Seconds the standby's replay is behind: 0 when it has replayed all it received, else the age of the last
    /// transaction it replayed (what the primary committed since is not there yet). Nil when it is not a standby.
    static func lag(on connection: PostgresConnection) throws -> Double? {
        let row = try connection.queryPrepared(
            """
            SELECT pg_is_in_recovery() AS standby,
                   CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                        ELSE extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) END::float8 AS lag
            """
        )[0]
        guard try row.decode("standby", as: Bool.self) else { return nil }
        return max(0, try row.decode("lag", as: Double?.self) ?? 0)
    }

    /// Failures of the replica rather than of the read: the read is worth running again on the primary.
    static func isReplicaFailure(_ error: PostgresError) -> Bool {
        // 40001 on a hot standby: the query was cancelled because of a conflict with recovery.
        error.isConnectionLost || [PostgresError.Code.poolTimeout, .poolBusy, .poolClosed].contains(error.code)
            || error.sqlState == "40001"
    }
}
