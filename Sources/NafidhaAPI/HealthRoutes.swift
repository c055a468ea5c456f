import HTTP
import NafidhaCore

/// `GET /healthz` (the process is alive) and `GET /readyz` (the database answers; with the workers' load).
struct HealthRoutes: Sendable {
    let health: DatabaseHealth

    func register(on router: inout Router) {
        // Inline: it never blocks, and load balancers call it often.
        router.get("/healthz", inline: true) { _, _ in
            .json(#"{"status":"ok"}"#)
        }
        router.get("/readyz") { _, context in
            guard health.isReady() else {
                throw HTTPError(
                    .serviceUnavailable, code: "database_unavailable", message: "The database does not answer.")
            }
            guard let workers = context.workerSaturation else {
                return .json(#"{"status":"ready"}"#)
            }
            // Saturation lets a balancer prefer a less busy instance before it answers 503 `overloaded`.
            return .json(
                #"{"status":"ready","workers":{"busy":\#(workers.busyWorkers),"count":\#(workers.workerCount),"#
                    + #""queued":\#(workers.queuedRequests),"queue_capacity":\#(workers.queueCapacity)}}"#)
        }
    }
}
