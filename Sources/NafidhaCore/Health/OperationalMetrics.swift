import Foundation
import NafidhaContract
import Postgres

/// What `/metrics` reports of the database and the work in it, read at each scrape: the pool's connections, the
/// audit events waiting to be chained, the notifications waiting or dead, and the active tasks of every queue
/// (municipality and sector).
///
/// One pooled connection, one short read-only transaction with its own `statement_timeout`, and a bounded number of
/// rows, so a scrape can neither hold a connection long nor return an unbounded page.
public struct OperationalMetrics: Sendable {
    /// The pool's connections at the instant of the scrape.
    public struct Pool: Sendable, Equatable {
        /// Connections lent out.
        public var inUse: Int
        /// Connections open and idle.
        public var idle: Int
        /// Callers waiting for a connection.
        public var waiting: Int
        /// The pool's maximum.
        public var maximum: Int
    }

    /// Active tasks of one queue.
    public struct Queue: Sendable, Equatable {
        /// The municipality's code.
        public var municipality: String
        /// The sector's code.
        public var sector: String
        /// Tasks by status, for the active statuses (`open`, `claimed`, `awaiting_citizen`).
        public var byStatus: [TaskStatus: Int]
        /// Open or claimed tasks past their deadline (a task awaiting the citizen has its clock stopped).
        public var overdue: Int
    }

    /// One scrape's reading.
    public struct Reading: Sendable {
        /// The pool, read before the query borrowed a connection.
        public var pool: Pool
        /// The audit backlog; nil when the database did not answer.
        public var audit: AuditBacklog?
        /// Pending and dead notifications (the states counted cheaply, through partial indexes; sent ones only
        /// grow and are the ledger's); nil when the database did not answer.
        public var notifications: NotificationBacklog?
        /// Active tasks per queue, in order of municipality and sector; empty when the database did not answer.
        public var queues: [Queue]
        /// Whether the database answered the scrape's query.
        public var databaseUp: Bool
    }

    /// Queues reported at most (10,000): far above any country's municipalities times sectors, so only a broken
    /// catalog reaches it, and a scrape stays small if one does.
    public static let maximumQueues = 10_000
    /// The scrape query's `statement_timeout` (2 s).
    public static let statementTimeout = "2s"

    private let pool: PostgresPool

    /// A reader over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Reads the pool's counts, then the backlog and the queues; a database that fails is reported as down, not
    /// thrown, so the process metrics still reach the scraper.
    public func read() -> Reading {
        let statistics = pool.statistics
        let poolReading = Pool(
            inUse: statistics.open - statistics.idle, idle: statistics.idle, waiting: statistics.waiters,
            maximum: pool.configuration.maxConnections)
        let answer = try? pool.withConnection { connection in
            try connection.withTransaction { connection in
                try connection.execute("SET TRANSACTION READ ONLY")
                _ = try connection.queryPrepared(
                    "SELECT set_config('statement_timeout', $1, true)", [Self.statementTimeout])
                return (
                    try AuditBacklog.read(on: connection), try NotificationBacklog.read(on: connection),
                    try Self.queues(on: connection)
                )
            }
        }
        return Reading(
            pool: poolReading, audit: answer?.0, notifications: answer?.1, queues: answer?.2 ?? [],
            databaseUp: answer != nil)
    }

    /// Active tasks grouped by queue, through the partial indexes of open and assigned tasks.
    static func queues(on connection: PostgresConnection) throws -> [Queue] {
        let active: [TaskStatus] = [.open, .claimed, .awaitingCitizen]
        let rows = try connection.queryPrepared(
            """
            SELECT municipality_code, sector_code,
                   count(*) FILTER (WHERE status = 'open') AS open,
                   count(*) FILTER (WHERE status = 'claimed') AS claimed,
                   count(*) FILTER (WHERE status = 'awaiting_citizen') AS awaiting_citizen,
                   count(*) FILTER (WHERE status IN ('open', 'claimed') AND due_at < now()) AS overdue
              FROM tasks
             WHERE status IN ('open', 'claimed', 'awaiting_citizen')
             GROUP BY municipality_code, sector_code
             ORDER BY municipality_code, sector_code
             LIMIT $1
            """,
            [maximumQueues]
        )
        return try rows.map { row -> Queue in
            var byStatus: [TaskStatus: Int] = [:]
            for status in active {
                byStatus[status] = Int(try row.decode(status.rawValue, as: Int64.self))
            }
            return Queue(
                municipality: try row.decode("municipality_code", as: String.self),
                sector: try row.decode("sector_code", as: String.self), byStatus: byStatus,
                overdue: Int(try row.decode("overdue", as: Int64.self)))
        }
    }
}
