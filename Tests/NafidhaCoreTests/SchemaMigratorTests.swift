import Foundation
import NafidhaCore
import Postgres
import Synchronization
import TestSupport
import Testing

@Suite("Schema migrator")
struct SchemaMigratorTests {
    private let foundation = EmbeddedMigrations.all[0]
    private let widgets = Migration(
        version: 2, name: "widgets", sql: "CREATE TABLE widgets (id integer PRIMARY KEY);\n")

    @Test("applies every migration to a fresh database and records each with its checksum")
    func freshApply() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let connection = try database.connect()
            let applied = try SchemaMigrator(migrations: [foundation, widgets]).migrate(connection)
            #expect(applied.map(\.version) == [1, 2])
            let rows = try connection.query(
                "SELECT version, name, checksum = encode(sha256(convert_to($1, 'UTF8')), 'hex') AS matches "
                    + "FROM schema_migrations WHERE version = 2",
                [widgets.sql]
            )
            #expect(try rows[0].decode("name", as: String.self) == "widgets")
            #expect(try rows[0].decode("matches", as: Bool.self))
            #expect(try tableExists("widgets", connection))
        }
    }

    @Test("changes nothing when run a second time")
    func idempotent() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let connection = try database.connect()
            let migrator = SchemaMigrator(migrations: [foundation, widgets])
            try migrator.migrate(connection)
            let before = try appliedTimes(connection)
            #expect(try migrator.migrate(connection).isEmpty)
            #expect(try appliedTimes(connection) == before)
            #expect(try migrator.appliedVersion(connection) == 2)
        }
    }

    @Test("applies only the migrations a database lacks")
    func appliesOnlyMissing() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let connection = try database.connect()
            try SchemaMigrator(migrations: [foundation]).migrate(connection)
            let applied = try SchemaMigrator(migrations: [foundation, widgets]).migrate(connection)
            #expect(applied.map(\.name) == ["widgets"])
        }
    }

    @Test("refuses a database whose schema is newer than the migrations it knows")
    func refusesNewerDatabase() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let connection = try database.connect()
            try SchemaMigrator(migrations: [foundation, widgets]).migrate(connection)
            let error = #expect(throws: SchemaMigrationError.self) {
                try SchemaMigrator(migrations: [foundation]).migrate(connection)
            }
            #expect(error?.code == "database_is_newer")
            #expect(error?.description.contains("version 2") == true)
        }
    }

    @Test("refuses a migration whose text changed after it was applied")
    func refusesChangedMigration() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let connection = try database.connect()
            try SchemaMigrator(migrations: [foundation, widgets]).migrate(connection)
            let edited = Migration(version: 2, name: "widgets", sql: "CREATE TABLE widgets (id bigint PRIMARY KEY);\n")
            let error = #expect(throws: SchemaMigrationError.self) {
                try SchemaMigrator(migrations: [foundation, edited]).migrate(connection)
            }
            #expect(error?.code == "checksum_mismatch")
            #expect(error?.description.contains("0002_widgets.sql") == true)
        }
    }

    @Test("leaves nothing of a migration that fails halfway, neither its changes nor its row")
    func failedMigrationLeavesNothing() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let connection = try database.connect()
            let broken = Migration(
                version: 2, name: "broken", sql: "CREATE TABLE gadgets (id integer);\nSELECT 1 / 0;\n")
            let error = #expect(throws: SchemaMigrationError.self) {
                try SchemaMigrator(migrations: [foundation, broken]).migrate(connection)
            }
            #expect(error?.code == "migration_failed")
            #expect(error?.postgresError?.sqlState == "22012")
            #expect(try !tableExists("gadgets", connection))
            #expect(try SchemaMigrator(migrations: [foundation]).appliedVersion(connection) == 1)
        }
    }

    @Test("lets two migrators racing on one database apply each migration exactly once")
    func concurrentMigratorsTakeTurns() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let slow = Migration(
                version: 2, name: "slow", sql: "SELECT pg_sleep(0.3);\nCREATE TABLE slow_things (id integer);\n"
            )
            let migrator = SchemaMigrator(migrations: [foundation, slow])
            let results = Mutex<[Result<Int, any Error>]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                let result = Result { try migrator.migrate(database.connect()).count }
                results.withLock { $0.append(result) }
            }
            let counts = try results.withLock { $0 }.map { try $0.get() }
            #expect(counts.reduce(0, +) == 2)
            let recorded = try database.connect().query("SELECT count(*)::integer AS n FROM schema_migrations")
            #expect(try recorded[0].decode("n", as: Int.self) == 2)
        }
    }

    private func tableExists(_ name: String, _ connection: PostgresConnection) throws -> Bool {
        let rows = try connection.query("SELECT to_regclass($1) IS NOT NULL AS present", [name])
        return try rows[0].decode("present", as: Bool.self)
    }

    private func appliedTimes(_ connection: PostgresConnection) throws -> [String] {
        try connection.query("SELECT version, applied_at::text AS at FROM schema_migrations ORDER BY version")
            .map { "\(try $0.decode("version", as: Int.self)) \(try $0.decode("at", as: String.self))" }
    }
}
