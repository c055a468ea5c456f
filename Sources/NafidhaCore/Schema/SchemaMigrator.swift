import Postgres

/// Brings a database's schema up to the newest migration this binary carries.
///
/// Each migration runs in its own transaction together with its `schema_migrations` row, after taking a
/// transaction-level advisory lock: two migrators on one database take turns, and a failing migration leaves
/// neither its changes nor its row behind. Running it again when nothing is missing changes nothing.
public struct SchemaMigrator: Sendable {
    /// The `pg_advisory_xact_lock` key every Nafidha migrator takes (the bytes of "nafidha!").
    public static let advisoryLockKey: Int64 = 0x6E61_6669_6468_6121

    /// The migrations to apply, by version.
    public let migrations: [Migration]

    /// A migrator for `migrations`, which must be numbered 1, 2, 3, ... without gaps.
    public init(migrations: [Migration] = EmbeddedMigrations.all) {
        precondition(
            migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
            "migrations must be numbered 1, 2, 3, ... in order"
        )
        self.migrations = migrations
    }

    /// The newest version this migrator knows.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies every missing migration in order and returns those it applied (empty when already up to date).
    /// - Parameters:
    ///   - connection: a connection outside any transaction.
    ///   - onApplied: called after each migration commits, for progress output.
    @discardableResult
    public func migrate(
        _ connection: PostgresConnection, onApplied: (Migration) -> Void = { _ in }
    ) throws(SchemaMigrationError) -> [Migration] {
        var applied: [Migration] = []
        var checksums: [Int: String] = [:]
        while let migration = try applyNext(connection, checksums: &checksums) {
            applied.append(migration)
            onApplied(migration)
        }
        return applied
    }

    /// The newest version recorded in the database, 0 for a database never migrated; also checks it is one this
    /// binary can work with (not newer, no changed migration).
    public func appliedVersion(_ connection: PostgresConnection) throws(SchemaMigrationError) -> Int {
        try Self.translatingErrors {
            let recorded = try recordedMigrations(connection)
            var checksums: [Int: String] = [:]
            try verify(recorded, connection, checksums: &checksums)
            return recorded.keys.max() ?? 0
        }
    }

    /// Applies the first missing migration in one locked transaction, or returns nil when none is missing.
    /// - Parameter checksums: our migrations' checksums computed so far, by version, kept across calls.
    private func applyNext(
        _ connection: PostgresConnection, checksums: inout [Int: String]
    ) throws(SchemaMigrationError) -> Migration? {
        try Self.translatingErrors {
            try connection.withTransaction { connection throws -> Migration? in
                try connection.execute("SELECT pg_advisory_xact_lock($1)", [Self.advisoryLockKey])
                let recorded = try recordedMigrations(connection)
                try verify(recorded, connection, checksums: &checksums)
                guard let migration = migrations.first(where: { recorded[$0.version] == nil }) else { return nil }
                do throws(PostgresError) {
                    try connection.runTrustedScript(migration.sql)
                } catch {
                    throw SchemaMigrationError.migrationFailed(migration, error)
                }
                try connection.execute(
                    """
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES ($1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'))
                    """,
                    [migration.version, migration.name, migration.sql]
                )
                return migration
            }
        }
    }

    /// Runs `body`, its errors as `SchemaMigrationError`s: the database's wrapped, any other one too.
    private static func translatingErrors<T>(_ body: () throws -> T) throws(SchemaMigrationError) -> T {
        do {
            return try body()
        } catch let error as SchemaMigrationError {
            throw error
        } catch let error as PostgresError {
            throw .database(error)
        } catch {
            throw .database(PostgresError(code: .serverError, message: "\(error)"))
        }
    }

    /// The recorded migrations by version: name and checksum; empty before migration 1 created the table.
    private func recordedMigrations(
        _ connection: PostgresConnection
    ) throws(PostgresError) -> [Int: (name: String, checksum: String)] {
        let table = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        guard try table[0].decode("present", as: Bool.self) else { return [:] }
        var recorded: [Int: (name: String, checksum: String)] = [:]
        for row in try connection.query("SELECT version, name, checksum FROM schema_migrations") {
            recorded[try row.decode("version", as: Int.self)] =
                (try row.decode("name", as: String.self), try row.decode("checksum", as: String.self))
        }
        return recorded
    }

    /// Refuses a database ahead of this binary, or one whose applied migrations differ from ours.
    private func verify(
        _ recorded: [Int: (name: String, checksum: String)], _ connection: PostgresConnection,
        checksums: inout [Int: String]
    ) throws {
        if let newest = recorded.keys.max(), newest > latestVersion {
            throw SchemaMigrationError.databaseIsNewer(databaseVersion: newest, knownVersion: latestVersion)
        }
        for (version, entry) in recorded.sorted(by: { $0.key < $1.key }) {
            guard version >= 1 else { throw SchemaMigrationError.unknownVersion(version) }
            let migration = migrations[version - 1]
            guard entry.name == migration.name else {
                throw SchemaMigrationError.nameMismatch(migration, recorded: entry.name)
            }
            guard try checksum(of: migration, connection, cache: &checksums) == entry.checksum else {
                throw SchemaMigrationError.checksumMismatch(migration)
            }
        }
    }

    /// The migration's SHA-256, computed by the server with the same expression that records it.
    private func checksum(
        of migration: Migration, _ connection: PostgresConnection, cache: inout [Int: String]
    ) throws -> String {
        if let known = cache[migration.version] { return known }
        let rows = try connection.query(
            "SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS checksum", [migration.sql]
        )
        let checksum = try rows[0].decode("checksum", as: String.self)
        cache[migration.version] = checksum
        return checksum
    }
}
