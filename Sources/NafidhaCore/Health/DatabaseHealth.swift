import Postgres

/// Answers whether the database answers, for readiness probes, and how far the audit sequencer is behind.
public struct DatabaseHealth: Sendable {
    private let pool: PostgresPool

    /// Creates a probe over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The audit backlog, read on a pooled connection: the database answers. Nil when the pool cannot connect,
    /// times out, or the query fails.
    public func readiness() -> AuditBacklog? {
        try? pool.withConnection { connection in
            try AuditBacklog.read(on: connection)
        }
    }
}
