import NafidhaContract
import Postgres

/// Answers whether the database answers, for readiness probes, and how far the audit sequencer is behind.
public struct DatabaseHealth: Sendable {
    private let pool: PostgresPool

    /// Creates a probe over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The audit backlog as `/readyz` shows it, read on a pooled connection: the database answers. Nil when the pool
    /// cannot connect, times out, or the query fails.
    public func readiness() -> Health.AuditBacklog? {
        guard let backlog = try? pool.withConnection({ try AuditBacklog.read(on: $0) }) else { return nil }
        return Health.AuditBacklog(
            unchainedEvents: backlog.unchainedEvents, countCapped: backlog.countCapped,
            oldestUnchainedAgeSeconds: backlog.oldestUnchainedAgeSeconds)
    }
}
