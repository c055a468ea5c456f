import Foundation
import Postgres
import Synchronization

/// A uniquely named database in the throwaway cluster `scripts/test` starts, for one test.
///
/// Reads `NAFIDHA_TEST_DATABASE_URL` (superuser URL of the cluster's `postgres` database) and
/// `NAFIDHA_TEST_TEMPLATE` (a migrated template database). Tests run in parallel; each makes its own database.
public final class TestDatabase: Sendable {
    /// The database's name: `nafidha_test_` and 32 hex digits.
    public let name: String
    /// libpq `key='value'` parameters for this database.
    public let conninfo: String
    /// The same parameters as a `postgresql://` URL.
    public let url: String

    /// `CREATE DATABASE ... TEMPLATE` fails while anything else is connected to the template, and parallel
    /// tests in this process would collide there: clones are made one at a time.
    private static let cloneLock = Mutex(())

    private init(name: String, conninfo: String, url: String) {
        self.name = name
        self.conninfo = conninfo
        self.url = url
    }

    /// The superuser URL of the test cluster's `postgres` database, for tests that need superuser actions
    /// (terminating backends, tampering with data behind the application's back).
    public static func adminURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["NAFIDHA_TEST_DATABASE_URL"], !url.isEmpty else {
            throw TestDatabaseError(
                "NAFIDHA_TEST_DATABASE_URL is not set. Run the tests with scripts/test, which starts a throwaway "
                    + "PostgreSQL cluster and sets it."
            )
        }
        return url
    }

    /// Makes a new empty database, cloned from `NAFIDHA_TEST_TEMPLATE` (migrated) or from `template0`.
    public static func create(fromTemplate: Bool = true) throws -> TestDatabase {
        try create(template: fromTemplate ? templateName() : "template0")
    }

    /// Creates a database migrated and loaded with the demo catalog (`NAFIDHA_TEST_DEMO_TEMPLATE`).
    public static func createWithDemoCatalog() throws -> TestDatabase {
        try create(template: templateName(variable: "NAFIDHA_TEST_DEMO_TEMPLATE"))
    }

    /// Runs `body` with a fresh database holding the demo catalog, dropped afterwards.
    public static func withDemoCatalog<T>(_ body: (TestDatabase) throws -> T) throws -> T {
        let database = try createWithDemoCatalog()
        defer { try? database.drop() }
        return try body(database)
    }

    private static func create(template: String) throws -> TestDatabase {
        let admin = try adminURL()
        let fromTemplate = template != "template0"
        // Database names cannot be statement parameters. This one is not input: it is generated here from a
        // UUID, checked against [a-z0-9_], and quoted as an identifier all the same.
        let name = "nafidha_test_" + UUID().uuidString.lowercased().filter { $0 != "-" }
        guard name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw TestDatabaseError("generated database name \(name) is not [a-z0-9_]")
        }
        let statement = "CREATE DATABASE \(quoted(name)) TEMPLATE \(quoted(template))"
        let connection = try PostgresConnection(conninfo: admin)
        if !fromTemplate {
            // Nobody can connect to template0, so these clones need no lock.
            try connection.execute(statement)
        } else {
            try cloneLock.withLock { _ in try clone(statement, on: connection) }
        }
        var info = try PostgresConnectionInfo(admin)
        info["dbname"] = name
        return TestDatabase(name: name, conninfo: info.conninfo, url: info.url)
    }

    /// Runs `CREATE DATABASE ... TEMPLATE`, waiting briefly while another process is still connected to it.
    private static func clone(_ statement: String, on connection: PostgresConnection) throws(PostgresError) {
        var attempt = 1
        while true {
            do {
                try connection.execute(statement)
                return
            } catch {
                // 55006: another process (a migration, psql) is still connected to the template; wait briefly.
                guard error.sqlState == "55006", attempt < 50 else { throw error }
                attempt += 1
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    /// Makes a database, runs `body` with it and drops it afterwards, also when `body` throws.
    public static func with<T>(fromTemplate: Bool = true, _ body: (TestDatabase) throws -> T) throws -> T {
        let database = try create(fromTemplate: fromTemplate)
        defer { try? database.drop() }
        return try body(database)
    }

    /// Makes a database, runs `body` with it and drops it afterwards, also when `body` throws.
    public static func with<T>(
        fromTemplate: Bool = true, _ body: (TestDatabase) async throws -> T
    ) async throws -> T {
        let database = try create(fromTemplate: fromTemplate)
        do {
            let value = try await body(database)
            try? database.drop()
            return value
        } catch {
            try? database.drop()
            throw error
        }
    }

    /// A connection to the cluster's `postgres` database as superuser, for tests that only use session state
    /// (temporary tables, settings, prepared statements): cheaper than creating a database.
    public static func connectToAdminDatabase() throws -> PostgresConnection {
        try PostgresConnection(conninfo: adminURL())
    }

    /// Runs `body` with the admin URL (see `adminURL()`), for tests that need no database of their own.
    public static func withAdminURL<T>(_ body: (String) throws -> T) throws -> T {
        try body(adminURL())
    }

    /// Opens a new connection to this database.
    public func connect() throws(PostgresError) -> PostgresConnection {
        try PostgresConnection(conninfo: conninfo)
    }

    /// Drops the database, disconnecting whoever is still connected.
    public func drop() throws {
        let connection = try PostgresConnection(conninfo: Self.adminURL())
        try connection.execute("DROP DATABASE IF EXISTS \(Self.quoted(name)) WITH (FORCE)")
    }

    private static func templateName(variable: String = "NAFIDHA_TEST_TEMPLATE") throws -> String {
        guard let name = ProcessInfo.processInfo.environment[variable], !name.isEmpty else {
            throw TestDatabaseError(
                "\(variable) is not set. Run the tests with scripts/test, which migrates a template "
                    + "database and sets it."
            )
        }
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw TestDatabaseError("\(variable) must be a plain identifier, got \(name)")
        }
        return name
    }

    /// Quotes an identifier, doubling embedded quotes.
    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Why a test database could not be made.
public struct TestDatabaseError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String

    init(_ description: String) { self.description = description }
}
