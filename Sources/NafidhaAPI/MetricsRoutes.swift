import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /metrics` in the Prometheus text exposition format (0.0.4), served by `nafidha serve` on a listener of its
/// own (`--metrics-listen`, loopback by default; docs/operations.md says why), never on the public API's.
///
/// One scrape writes the API server's HTTP metrics (requests by route pattern, method and status class, latency
/// histograms, the worker queue), the database pool, the audit backlog, pending and dead notifications, the active
/// and overdue tasks of every queue, and the process's memory and descriptors.
public enum MetricsRoutes {
    /// The path scrapers ask for.
    public static let path = "/metrics"

    /// The router of the metrics listener: `GET /metrics` (and `HEAD`), reporting on `server`, the API's server.
    public static func make(services: NafidhaServices, server: HTTPServer) -> Router {
        let router = Router()
        let metrics = services.metrics
        let health = services.health
        router.get(path) { _, _ in
            var document = MetricsText()
            server.writeMetrics(into: &document)
            write(metrics.read(), into: &document)
            write(health.replica, into: &document)
            ProcessMetrics.write(into: &document)
            return HTTPResponse(
                status: .ok, headers: HTTPHeaders([(name: "Content-Type", value: MetricsText.contentType)]),
                body: .bytes(Array(document.text.utf8)))
        }
        return router
    }

    /// Writes the read replica's state, when one is configured.
    static func write(_ replica: Health.Replica?, into document: inout MetricsText) {
        guard let replica else { return }
        document.single(
            "nafidha_replica_reads", .gauge, help: "1 while reports and Open311 lists read from the replica, else 0.",
            replica.reads == .replica ? 1 : 0)
        if let lag = replica.lagSeconds {
            document.single(
                "nafidha_replica_lag_seconds", .gauge, help: "How far behind the primary the replica last was.", lag)
        }
    }

    /// Writes what `OperationalMetrics` read, under the `nafidha_` prefix.
    static func write(_ reading: OperationalMetrics.Reading, into document: inout MetricsText) {
        document.single(
            "nafidha_database_up", .gauge, help: "1 when the database answered this scrape's query, else 0.",
            reading.databaseUp ? 1 : 0)
        document.single(
            "nafidha_db_pool_connections_in_use", .gauge, help: "Database connections lent out by the pool.",
            Double(reading.pool.inUse))
        document.single(
            "nafidha_db_pool_connections_idle", .gauge, help: "Database connections open and idle in the pool.",
            Double(reading.pool.idle))
        document.single(
            "nafidha_db_pool_waiting", .gauge, help: "Callers waiting for a database connection.",
            Double(reading.pool.waiting))
        document.single(
            "nafidha_db_pool_connections_max", .gauge, help: "The pool's maximum of connections.",
            Double(reading.pool.maximum))
        if let audit = reading.audit {
            document.single(
                "nafidha_audit_events_unchained", .gauge,
                help: "Committed audit events waiting for the sequencer (counted up to 100000).",
                Double(audit.unchainedEvents))
            document.single(
                "nafidha_audit_oldest_unchained_age_seconds", .gauge,
                help: "Seconds the oldest unchained audit event has waited; 0 when none waits.",
                audit.oldestUnchainedAgeSeconds ?? 0)
        }
        if let notifications = reading.notifications {
            document.family(
                "nafidha_notifications", .gauge,
                help: "Notifications waiting to be sent (pending) or given up on (dead), each counted up to 100000.")
            document.sample("nafidha_notifications", ["state": "pending"], Double(notifications.pending))
            document.sample("nafidha_notifications", ["state": "dead"], Double(notifications.dead))
            document.single(
                "nafidha_notifications_oldest_due_age_seconds", .gauge,
                help: "Seconds the longest-due pending notification has been due; 0 when none is due.",
                notifications.oldestDueAgeSeconds ?? 0)
        }
        guard reading.databaseUp else { return }
        document.family(
            "nafidha_tasks_active", .gauge, help: "Active tasks by municipality, sector and status.")
        for queue in reading.queues {
            for status in [TaskStatus.open, .claimed, .awaitingCitizen] {
                document.sample(
                    "nafidha_tasks_active",
                    ["municipality": queue.municipality, "sector": queue.sector, "status": status.rawValue],
                    Double(queue.byStatus[status] ?? 0))
            }
        }
        document.family(
            "nafidha_tasks_overdue", .gauge,
            help: "Open or claimed tasks past their deadline, by municipality and sector.")
        for queue in reading.queues {
            document.sample(
                "nafidha_tasks_overdue", ["municipality": queue.municipality, "sector": queue.sector],
                Double(queue.overdue))
        }
    }
}
