import Postgres
import TestSupport
import Testing

@Suite("Health probes")
struct HealthRoutesTests {
    @Test("healthz answers ok and readyz answers ready while the database answers")
    func probesAnswerWhileTheDatabaseAnswers() throws {
        try TestDatabase.with { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let health = try client.send("GET", "/healthz")
            #expect(health.status == 200)
            #expect(try health.object()["status"] as? String == "ok")
            let ready = try client.send("GET", "/readyz")
            #expect(ready.status == 200)
            #expect(try ready.object()["status"] as? String == "ready")
        }
    }

    @Test("readyz answers 503 database_unavailable when the database cannot be reached")
    func readyzFailsWithoutDatabase() throws {
        var configuration = PostgresPool.Configuration()
        configuration.acquireTimeout = .milliseconds(500)
        let pool = PostgresPool(
            conninfo: "host=/nonexistent-nafidha-socket-dir dbname=x connect_timeout=1", configuration: configuration)
        defer { pool.close() }
        let ready = try APIClient(pool: pool).send("GET", "/readyz")
        #expect(ready.status == 503)
        #expect(ready.errorCode == "database_unavailable")
    }
}
