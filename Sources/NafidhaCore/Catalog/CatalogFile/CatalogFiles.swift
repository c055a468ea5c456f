import Foundation
import NafidhaContract
import Postgres

/// The catalog as a file (docs/catalog.md): the live catalog exported, a file validated and applied (or only
/// compared, for a dry run), and the catalog's versions. A value over the pool, synchronous: call it from threads we
/// own (an HTTP worker, a CLI command).
public struct CatalogFiles: Sendable {
    /// Bounds of an apply.
    public struct Settings: Sendable {
        /// How long an apply waits for another to finish before failing with `CatalogFileError.busy`.
        public var lockTimeout: Duration = .seconds(30)

        /// The defaults.
        public init() {}
    }

    /// The largest catalog file read, in bytes (8 MiB).
    public static let maximumBytes = CatalogFile.maximumBytes

    private let pool: PostgresPool
    private let settings: Settings

    /// The catalog files over `pool`.
    public init(pool: PostgresPool, settings: Settings = Settings()) {
        self.pool = pool
        self.settings = settings
    }

    /// The live catalog as a catalog file, read in one snapshot: applying it changes nothing.
    public func export() throws -> [UInt8] {
        try pool.withTransaction(isolation: .repeatableRead) { connection in
            CatalogFile.bytes(of: try LiveCatalog.read(on: connection).document)
        }
    }

    /// Validates `bytes` as a catalog file and answers the change it makes to the live catalog; applies it in one
    /// transaction unless `dryRun`, recording a catalog version and an audit event per municipality.
    /// - Throws: `CatalogFileError` (`invalid` with every problem, `tooLarge`, `busy`); nothing is applied then.
    public func apply(_ bytes: [UInt8], dryRun: Bool, by actor: CatalogActor) throws -> Catalog.ApplyResult {
        let document = try CatalogFile.read(bytes)
        let sha256 = SHA256.hash(bytes)
        return try Self.translatingRefusals {
            // A dry run reads one snapshot and takes no lock; an apply reads after the lock, statement by statement.
            try pool.withTransaction(isolation: dryRun ? .repeatableRead : .readCommitted) { connection in
                try CatalogApplier.apply(
                    document, sha256: sha256, dryRun: dryRun, by: actor, lockTimeout: settings.lockTimeout,
                    on: connection)
            }
        }
    }

    /// The catalog version in force.
    public func version() throws -> Catalog.Version {
        try pool.withConnection { try CatalogVersionRecord.current(on: $0) }
    }

    /// The applied files, newest first, at most `limit`.
    public func history(limit: Int = 100) throws -> [CatalogVersionRecord] {
        try pool.withConnection { try CatalogVersionRecord.history(limit: limit, on: $0) }
    }

    /// Runs `body`, turning a refusal by one of the database's integrity constraints (what the validation could not
    /// foresee: a table of another feature that refers to a removed row) into a problem of the file.
    static func translatingRefusals<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError where error.sqlState?.hasPrefix("23") == true {
            let detail = [error.message, error.detail].compactMap { $0 }.joined(separator: ": ")
            throw CatalogFileError.invalid([CatalogProblem(.databaseRefused(detail), at: .root)], more: 0)
        }
    }
}

extension CatalogFiles {
    /// Refuses anyone but an admin (403 `admin_only`): the catalog file is the whole catalog, national.
    public static func authorize(_ member: StaffMember) throws(NafidhaError) {
        guard member.role == .admin else {
            throw NafidhaError(.adminOnly)
        }
    }
}
