import Postgres

/// Loads the demo catalog (seeds/demo-catalog.json, a catalog file carried by the binary) into a database whose
/// catalog is empty, through the same validation and apply as any catalog file (`nafidha admin catalog apply`): it
/// becomes catalog version 1, applied via `seed`.
public enum DemoCatalog {
    /// What `load` did.
    public enum Outcome: Sendable, Equatable {
        /// The catalog was empty and now holds the demo catalog.
        case loaded(CatalogCounts)
        /// The catalog already had rows, so nothing was written.
        case alreadyPresent(CatalogCounts)
    }

    /// How many rows the main catalog tables hold.
    public struct CatalogCounts: Sendable, Equatable, CustomStringConvertible {
        /// Rows of `countries`.
        public var countries: Int
        /// Rows of `municipalities`.
        public var municipalities: Int
        /// Rows of `sectors`.
        public var sectors: Int
        /// Rows of `services`.
        public var services: Int
        /// Rows of `public_holidays`.
        public var publicHolidays: Int

        /// True when none of the catalog tables has a row.
        public var isEmpty: Bool { countries + municipalities + sectors + services + publicHolidays == 0 }

        /// `2 countries, 15 municipalities, 10 sectors, 9 services, 52 public holidays`.
        public var description: String {
            "\(countries) countries, \(municipalities) municipalities, \(sectors) sectors, \(services) services, "
                + "\(publicHolidays) public holidays"
        }
    }

    /// Loads the demo catalog in one transaction when the catalog is empty; otherwise writes nothing. A
    /// transaction-scoped advisory lock makes concurrent loaders take turns, so the second one finds the catalog
    /// present instead of failing on duplicate keys.
    /// - Throws: `CatalogFileError` if the embedded file were invalid (a test keeps it valid), or a database error.
    public static func load(on connection: PostgresConnection) throws -> Outcome {
        let bytes = Array(EmbeddedSeeds.demoCatalog.utf8)
        let document = try CatalogFile.read(bytes)
        return try CatalogFiles.translatingRefusals {
            try connection.withTransaction { connection in
                try connection.query("SELECT pg_advisory_xact_lock(hashtext('nafidha:seed:demo-catalog'))")
                let before = try counts(on: connection)
                guard before.isEmpty else { return .alreadyPresent(before) }
                _ = try CatalogApplier.apply(
                    document, sha256: SHA256.hash(bytes), dryRun: false, by: .seed,
                    lockTimeout: CatalogFiles.Settings().lockTimeout, on: connection)
                return .loaded(try counts(on: connection))
            }
        }
    }

    /// Counts the catalog's rows.
    public static func counts(on connection: PostgresConnection) throws -> CatalogCounts {
        let row = try connection.query(
            """
            SELECT (SELECT count(*) FROM countries)::int AS countries,
                   (SELECT count(*) FROM municipalities)::int AS municipalities,
                   (SELECT count(*) FROM sectors)::int AS sectors,
                   (SELECT count(*) FROM services)::int AS services,
                   (SELECT count(*) FROM public_holidays)::int AS holidays
            """
        )[0]
        return CatalogCounts(
            countries: try row.decode("countries"), municipalities: try row.decode("municipalities"),
            sectors: try row.decode("sectors"), services: try row.decode("services"),
            publicHolidays: try row.decode("holidays")
        )
    }
}
