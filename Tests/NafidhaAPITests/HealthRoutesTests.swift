import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Health probes")
struct HealthRoutesTests {
    @Test("healthz answers ok and readyz answers ready while the database answers, with the audit backlog")
    func probesAnswerWhileTheDatabaseAnswers() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let health = try client.send("GET", "/healthz")
            #expect(health.status == 200)
            #expect(try health.object()["status"] as? String == "ok")
            let ready = try client.send("GET", "/readyz")
            #expect(ready.status == 200)
            #expect(try ready.object()["status"] as? String == "ready")
            let idle = try #require(try ready.object()["audit"] as? [String: Any])
            #expect(idle["unchained_events"] as? Int == 0 && idle["unchained_count_capped"] as? Bool == false)
            #expect(idle["oldest_unchained_age_seconds"] is NSNull)

            try database.connect().execute(
                """
                INSERT INTO audit_events (municipality_code, actor_kind, actor, action, details)
                VALUES ('TRP', 'system', 'nafidha', 'escalated', '{}')
                """)
            let behind = try #require(try client.send("GET", "/readyz").object()["audit"] as? [String: Any])
            #expect(behind["unchained_events"] as? Int == 1)
            #expect((behind["oldest_unchained_age_seconds"] as? Double ?? -1) >= 0)
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
