import Postgres

/// Answers whether the database answers, for readiness probes, how far the audit sequencer is behind, and how many
/// notifications wait.
public struct DatabaseHealth: Sendable {
    /// What a readiness probe reads.
    public struct Readiness: Sendable, Equatable {
        /// The events waiting for the audit sequencer.
        public var audit: AuditBacklog
        /// The notifications waiting, and those given up.
        public var notifications: NotificationBacklog
    }

    private let pool: PostgresPool

    /// Creates a probe over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The backlogs, read on a pooled connection: the database answers. Nil when the pool cannot connect, times
    /// out, or a query fails.
    public func readiness() -> Readiness? {
        try? pool.withConnection { connection in
            Readiness(
                audit: try AuditBacklog.read(on: connection),
                notifications: try NotificationBacklog.read(on: connection))
        }
    }
}
