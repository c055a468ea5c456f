import Postgres

/// Why `nafidha migrate` refused or failed; nothing of the failing migration is left applied.
public struct SchemaMigrationError: Error, Sendable, CustomStringConvertible {
    private enum Reason: Sendable {
        case databaseIsNewer(databaseVersion: Int, knownVersion: Int)
        case unknownVersion(Int)
        case checksumMismatch(Migration)
        case nameMismatch(Migration, recorded: String)
        case migrationFailed(Migration, PostgresError)
        case database(PostgresError)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    static func databaseIsNewer(databaseVersion: Int, knownVersion: Int) -> Self {
        Self(.databaseIsNewer(databaseVersion: databaseVersion, knownVersion: knownVersion))
    }
    static func unknownVersion(_ version: Int) -> Self { Self(.unknownVersion(version)) }
    static func checksumMismatch(_ migration: Migration) -> Self { Self(.checksumMismatch(migration)) }
    static func nameMismatch(_ migration: Migration, recorded: String) -> Self {
        Self(.nameMismatch(migration, recorded: recorded))
    }
    static func migrationFailed(_ migration: Migration, _ error: PostgresError) -> Self {
        Self(.migrationFailed(migration, error))
    }
    static func database(_ error: PostgresError) -> Self { Self(.database(error)) }

    /// A stable identifier of the kind of failure.
    public var code: String {
        switch reason {
        case .databaseIsNewer: "database_is_newer"
        case .unknownVersion: "unknown_version"
        case .checksumMismatch: "checksum_mismatch"
        case .nameMismatch: "name_mismatch"
        case .migrationFailed: "migration_failed"
        case .database: "database_error"
        }
    }

    /// The underlying database error, when there is one.
    public var postgresError: PostgresError? {
        switch reason {
        case .migrationFailed(_, let error), .database(let error): error
        default: nil
        }
    }

    /// One line saying what is wrong and what to do.
    public var description: String {
        switch reason {
        case .databaseIsNewer(let databaseVersion, let knownVersion):
            "the database schema is at version \(databaseVersion) but this nafidha knows only up to version "
                + "\(knownVersion); run a newer nafidha"
        case .unknownVersion(let version):
            "the database records migration \(version), which this nafidha does not know; it was not built from "
                + "the same migrations/ folder"
        case .checksumMismatch(let migration):
            "migrations/\(migration.fileName) changed after it was applied to this database; restore the file and "
                + "put the change in a new migration"
        case .nameMismatch(let migration, let recorded):
            "the database records migration \(migration.version) as '\(recorded)', but this nafidha calls it "
                + "'\(migration.name)'"
        case .migrationFailed(let migration, let error):
            "migrations/\(migration.fileName) failed and was rolled back: \(error.message)"
                + (error.detail.map { " (\($0))" } ?? "")
        case .database(let error):
            error.code == .connectionFailed ? "cannot connect to the database: \(error.message)" : error.message
        }
    }
}
