import NafidhaCore
import Postgres
import TestSupport
import Testing

private func runAdmin(_ arguments: [String]) -> NafidhaRun {
    runNafidha(["admin"] + arguments)
}

@Suite("Open311 API key commands")
struct Open311APIKeyCommandTests {
    @Test("create-api-key prints a key once, stores only its hash, and revoke-api-key disables it")
    func createThenRevoke() throws {
        try TestDatabase.with { database in
            let created = runAdmin(["create-api-key", "--name", "CivicApp", "--database-url", database.url])
            #expect(created.code == 0, "stderr: \(created.error)")
            let secret = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(secret.count == 43)
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let store = APIKeyStore(pool: pool)
            #expect(try store.authenticate(secret)?.name == "CivicApp")
            let stored: [UInt8] = try database.connect().query("SELECT key_hash FROM api_keys")[0].decode("key_hash")
            #expect(stored == AccessToken(text: secret).hash)

            let again = runAdmin(["create-api-key", "--name", "CivicApp", "--database-url", database.url])
            #expect(again.code == 1)
            #expect(again.error == "Error: A key with this name exists.\n")

            let revoked = runAdmin(["revoke-api-key", "--name", "CivicApp", "--database-url", database.url])
            #expect(revoked.code == 0, "stderr: \(revoked.error)")
            #expect(try store.authenticate(secret) == nil)
            let twice = runAdmin(["revoke-api-key", "--name", "CivicApp", "--database-url", database.url])
            #expect(twice.code == 1)
        }
    }

    @Test("create-api-key without --name is a usage error with exit 64")
    func nameIsRequired() {
        let run = runAdmin(["create-api-key", "--database-url", "postgresql://nobody@/nowhere"])
        #expect(run.code == 64)
        #expect(run.error.contains("--name is required"))
    }
}
