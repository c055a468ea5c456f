import NafidhaContract
import Postgres

/// Answers whether the database answers, for readiness probes, how far the audit sequencer is behind, and how many
/// notifications wait.
public struct DatabaseHealth: Sendable {
    private let pool: PostgresPool
    private let reads: ReadRouting?

    /// Creates a probe over `pool`, reporting the read replica of `reads` when it has one.
    public init(pool: PostgresPool, reads: ReadRouting? = nil) {
        self.pool = pool
        self.reads = reads
    }

    /// The read replica as the last check found it; nil when none is configured. Never a reason for 503: with the
    /// replica away, reads go to the primary and the server serves.
    public var replica: Health.Replica? {
        guard let state = reads?.state else { return nil }
        switch state {
        case .notConfigured: return nil
        case .unknown: return Health.Replica(state: .unknown, reads: .primary, lagSeconds: nil)
        case .current(let lag): return Health.Replica(state: .current, reads: .replica, lagSeconds: lag)
        case .lagging(let lag): return Health.Replica(state: .lagging, reads: .primary, lagSeconds: lag)
        case .unavailable: return Health.Replica(state: .unavailable, reads: .primary, lagSeconds: nil)
        }
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
