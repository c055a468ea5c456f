import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /healthz` (the process is alive) and `GET /readyz` (the database answers; with the audit backlog, the
/// notifications waiting and the workers' load).
struct HealthRoutes: Sendable {
    let health: DatabaseHealth

    func register(on api: ContractRouter) {
        // Inline: it never blocks, and load balancers call it often.
        api.register(Routes.health, inline: true) { _, _ in Health.Status(status: "ok") }
        api.register(Routes.readiness) { _, context in
            guard var readiness = health.readiness() else { throw NafidhaError(.databaseUnavailable) }
            // The backlogs are shown, never a reason to answer 503: a lagging sequencer or a dead SMS gateway does
            // not make this server unfit for requests, and taking every server out of rotation would not help.
            readiness.workers = context.core.workerSaturation.map {
                Health.Workers(
                    busy: $0.busyWorkers, count: $0.workerCount, queued: $0.queuedRequests,
                    queueCapacity: $0.queueCapacity)
            }
            readiness.replica = health.replica
            return readiness
        }
    }
}
