import Postgres

/// Answers whether the database answers, for readiness probes.
public struct DatabaseHealth: Sendable {
    private let pool: PostgresPool

    /// Creates a probe over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// True when a pooled connection runs a trivial query; false when the pool cannot connect or times out.
    public func isReady() -> Bool {
        do {
            return try pool.withConnection { connection in
                try connection.query("SELECT 1").count == 1
            }
        } catch {
            return false
        }
    }
}
