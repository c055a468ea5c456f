import NafidhaContract
import Postgres

/// Answers whether the database answers, for readiness probes, and how far the audit sequencer is behind.
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

    /// The audit backlog as `/readyz` shows it, read on a pooled connection: the database answers. Nil when the pool
    /// cannot connect, times out, or the query fails.
    public func readiness() -> Health.AuditBacklog? {
        guard let backlog = try? pool.withConnection({ try AuditBacklog.read(on: $0) }) else { return nil }
        return Health.AuditBacklog(
            unchainedEvents: backlog.unchainedEvents, countCapped: backlog.countCapped,
            oldestUnchainedAgeSeconds: backlog.oldestUnchainedAgeSeconds)
    }
}
