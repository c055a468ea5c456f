import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /healthz` (the process is alive) and `GET /readyz` (the database answers; with the audit backlog and
/// the workers' load).
struct HealthRoutes: Sendable {
    let health: DatabaseHealth

    func register(on api: ContractRouter) {
        // Inline: it never blocks, and load balancers call it often.
        api.register(Routes.health, inline: true) { _, _ in Health.Status(status: "ok") }
        api.register(Routes.readiness) { _, context in
            guard let backlog = health.readiness() else { throw NafidhaError(.databaseUnavailable) }
            // The backlog is shown, never a reason to answer 503: a lagging sequencer does not make this server
            // unfit for requests, and taking every server out of rotation would not help it.
            let workers = context.core.workerSaturation.map {
                Health.Workers(
                    busy: $0.busyWorkers, count: $0.workerCount, queued: $0.queuedRequests,
                    queueCapacity: $0.queueCapacity)
            }
            return Health.Readiness(status: "ready", audit: backlog, workers: workers, replica: health.replica)
        }
    }
}
