import HTTP
import NafidhaCore

/// `GET /healthz` (the process is alive) and `GET /readyz` (the database answers; with the audit backlog).
struct HealthRoutes: Sendable {
    let health: DatabaseHealth

    func register(on router: inout Router) {
        // Inline: it never blocks, and load balancers call it often.
        router.get("/healthz", inline: true) { _, _ in
            .json(#"{"status":"ok"}"#)
        }
        router.get("/readyz") { _, _ in
            guard let backlog = health.readiness() else {
                throw HTTPError(
                    .serviceUnavailable, code: "database_unavailable", message: "The database does not answer.")
            }
            // Shown, never a reason to answer 503: a lagging sequencer does not make this server unfit for
            // requests, and taking every server out of rotation would not help it.
            return try .json(encoding: ReadyBody(status: "ready", audit: backlog))
        }
    }

    private struct ReadyBody: Encodable {
        let status: String
        let audit: AuditBacklog
    }
}
