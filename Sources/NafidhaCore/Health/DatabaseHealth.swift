import NafidhaContract
import Postgres

/// Answers whether the database answers, for readiness probes, how far the audit sequencer is behind, and how many
/// notifications wait.
public struct DatabaseHealth: Sendable {
    private let pool: PostgresPool

    /// Creates a probe over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The audit and notification backlogs as `/readyz` shows them (without the workers' load, which only the
    /// server knows), read on a pooled connection: the database answers. Nil when the pool cannot connect, times
    /// out, or a query fails.
    public func readiness() -> Health.Readiness? {
        guard
            let backlogs = try? pool.withConnection({
                (try AuditBacklog.read(on: $0), try NotificationBacklog.read(on: $0))
            })
        else { return nil }
        let (audit, notifications) = backlogs
        return Health.Readiness(
            status: "ready",
            audit: Health.AuditBacklog(
                unchainedEvents: audit.unchainedEvents, countCapped: audit.countCapped,
                oldestUnchainedAgeSeconds: audit.oldestUnchainedAgeSeconds),
            notifications: Health.NotificationBacklog(
                pending: notifications.pending, dead: notifications.dead, countCapped: notifications.countCapped,
                oldestDueAgeSeconds: notifications.oldestDueAgeSeconds))
    }
}
