import Foundation
import Postgres
import TestSupport
import Testing

@testable import NafidhaCore

@Suite("Catalog snapshot")
struct CatalogSnapshotTests {
    /// Every catalog table: a statement on any of them must move `catalog_version`.
    static let catalogTables = [
        "countries", "public_holidays", "municipalities", "sectors", "offices", "services", "service_fees",
        "service_fields", "service_field_choices", "service_documents", "workflow_steps", "service_overlays",
        "step_overlays",
    ]

    @Test("the snapshot resolves every service in every municipality as resolve_service does, around every boundary")
    func resolutionMatchesTheDatabase() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            try pool.withConnection { connection in
                // Beyond the demo overlays: a fee with decimals, a step rerouted to a sector and office at once, a
                // step rerouted to a sector only, a bound with microseconds, and a municipality whose own offices
                // cover only some sectors (its other services have a step with nowhere to go).
                try connection.runTrustedScript(
                    """
                    INSERT INTO service_overlays (service_code, municipality_code, valid_from, valid_to, sla_days, fee)
                    VALUES ('residence_certificate', 'BEN', '2026-03-01 10:00:00.123456Z', '2026-06-01Z', 3, 12.345);
                    INSERT INTO step_overlays (service_code, municipality_code, stage_no, step_no, valid_from,
                                               valid_to, sector_code, office_code, sla_days)
                    VALUES ('building_permit', 'BEN', 1, 2, '2026-02-01Z', '2026-08-01Z', 'urban_planning',
                            'LBY-CAPITAL_PLANNING', NULL),
                           ('building_permit', 'MIS', 3, 1, '2026-04-01Z', NULL, 'social_affairs', NULL, 4);
                    INSERT INTO municipalities (code, country_code, name_ar, name_fr, name_en)
                    VALUES ('ZZA', 'LY', 'س', 'S', 'S');
                    INSERT INTO offices (code, kind, country_code, municipality_code, sector_code, name_ar, name_fr,
                                         name_en)
                    VALUES ('ZZA-CIVIL_REGISTRY', 'municipal', 'LY', 'ZZA', 'civil_registry', 'م', 'B', 'O');
                    """
                )
            }
            let snapshot = try CatalogSnapshot.load(from: pool)
            // Every overlay bound, a microsecond before and after it, and a few ordinary instants.
            let rows = try pool.withConnection { connection in
                try connection.query(
                    """
                    WITH bound AS (
                        SELECT valid_from AS at FROM service_overlays UNION SELECT valid_to FROM service_overlays
                        UNION SELECT valid_from FROM step_overlays UNION SELECT valid_to FROM step_overlays
                        UNION VALUES ('2025-06-15 12:00Z'::timestamptz), ('2026-09-21 08:00Z'), ('2031-01-01Z')
                    ), instant AS (
                        SELECT DISTINCT b.at + d.shift AS at
                          FROM bound b CROSS JOIN (VALUES (interval '-1 microsecond'), (interval '0'),
                                                          (interval '1 microsecond')) AS d (shift)
                         WHERE b.at IS NOT NULL
                    )
                    SELECT s.code AS service, m.code AS municipality, i.at,
                           resolve_service(s.code, m.code, i.at)::text AS workflow
                      FROM services s CROSS JOIN municipalities m CROSS JOIN instant i
                    """
                )
            }
            var offered = 0
            for row in rows {
                let service: String = try row.decode("service")
                let municipality: String = try row.decode("municipality")
                let instant: Date = try row.decode("at")
                let expected = try row.decode("workflow", as: String?.self).map { try ResolvedWorkflow(jsonText: $0) }
                let actual = snapshot.resolveWorkflow(service: service, municipality: municipality, at: instant)
                #expect(
                    actual?.jsonText == expected?.jsonText, "\(service) in \(municipality) at \(instant)")
                if expected != nil { offered += 1 }
            }
            // The comparison covered both answers: workflows and "not offered".
            #expect(offered > 0 && offered < rows.count)
        }
    }

    @Test("every statement on a catalog table moves catalog_version; other tables do not")
    func catalogStatementsBumpTheVersion() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            func version() throws -> Int64 {
                try connection.query("SELECT version FROM catalog_version")[0].decode("version")
            }
            for table in Self.catalogTables {
                let before = try version()
                // Table names come from the constant list above; a statement that touches no row still counts.
                try connection.execute("DELETE FROM \(table) WHERE false")
                #expect(try version() == before + 1, "\(table)")
            }
            let before = try version()
            try connection.execute("DELETE FROM requests WHERE false")
            try connection.execute("DELETE FROM api_keys WHERE false")
            #expect(try version() == before)
        }
    }

    @Test("the one row of catalog_version cannot be deleted or truncated")
    func versionRowStays() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            for statement in ["DELETE FROM catalog_version", "TRUNCATE catalog_version"] {
                let error = try #require(throws: PostgresError.self) { try connection.execute(statement) }
                #expect(error.sqlState == "42501", "\(statement)")
            }
            #expect(try connection.query("SELECT count(*)::int8 AS n FROM catalog_version")[0].decode("n") == 1)
        }
    }

    @Test("the store reloads only a snapshot the database showed stale, and a failed load keeps the previous one")
    func storeRefreshes() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let store = CatalogStore(pool: pool)
            let first = try store.load()
            #expect(try store.isCurrent(first))
            #expect(try store.snapshot().version == first.version)

            try pool.withConnection {
                try $0.execute("UPDATE services SET sla_days = 4 WHERE code = 'residence_certificate'")
            }
            #expect(try !store.isCurrent(first))
            let second = try store.refresh(replacing: first)
            #expect(second.version > first.version)
            #expect(second.services["residence_certificate"]?.slaDays == 4)
            // A caller still holding the first snapshot gets the second without another load.
            #expect(try store.refresh(replacing: first).version == second.version)

            try pool.withConnection { connection in
                try connection.execute("UPDATE services SET sla_days = 5 WHERE code = 'residence_certificate'")
                try connection.execute("ALTER TABLE catalog_version RENAME TO catalog_version_away")
            }
            #expect(throws: PostgresError.self) { try store.refresh(replacing: second) }
            #expect(try store.snapshot().version == second.version)

            try pool.withConnection { try $0.execute("ALTER TABLE catalog_version_away RENAME TO catalog_version") }
            let third = try store.refresh(replacing: second)
            #expect(third.version > second.version)
            #expect(third.services["residence_certificate"]?.slaDays == 5)
        }
    }
}
