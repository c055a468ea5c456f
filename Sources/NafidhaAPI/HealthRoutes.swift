import HTTP
import NafidhaCore

/// `GET /healthz` (the process is alive) and `GET /readyz` (the database answers).
struct HealthRoutes: Sendable {
    let health: DatabaseHealth

    func register(on router: inout Router) {
        // Inline: it never blocks, and load balancers call it often.
        router.get("/healthz", inline: true) { _, _ in
            .json(#"{"status":"ok"}"#)
        }
        router.get("/readyz") { _, _ in
            guard health.isReady() else {
                throw HTTPError(
                    .serviceUnavailable, code: "database_unavailable", message: "The database does not answer.")
            }
            return .json(#"{"status":"ready"}"#)
        }
    }
}
