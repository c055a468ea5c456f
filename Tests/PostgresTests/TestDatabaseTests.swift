import Postgres
import TestSupport
import Testing

@Suite("Test databases")
struct TestDatabaseTests {
    @Test("Each test database is new, reachable by conninfo and URL, and gone after drop")
    func testDatabaseLifecycle() throws {
        let database = try TestDatabase.create()
        let other = try TestDatabase.create()
        #expect(database.name != other.name)
        try other.drop()
        let viaURL = try PostgresConnection(conninfo: database.url)
        #expect(try viaURL.query("SELECT current_database()").first!.decode(0, as: String.self) == database.name)
        let admin = try PostgresConnection(conninfo: TestDatabase.adminURL())
        try database.drop()
        let left = try admin.query(
            "SELECT 1 FROM pg_database WHERE datname = $1 OR datname = $2", [database.name, other.name])
        #expect(left.count == 0)
    }
}
