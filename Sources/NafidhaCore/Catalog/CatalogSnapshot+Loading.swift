import Foundation
import Postgres

extension CatalogSnapshot {
    /// Reads the catalog and its version in one `REPEATABLE READ` transaction: every table is read from one snapshot
    /// of the database, so a catalog change committed meanwhile is either wholly in it (and in its version) or not
    /// at all. Blocks: call it from threads we own.
    public static func load(from pool: PostgresPool) throws -> CatalogSnapshot {
        try pool.withTransaction(isolation: .repeatableRead) { connection in try load(on: connection) }
    }

    /// Reads the catalog on `connection`, which must be inside a `REPEATABLE READ` (or `SERIALIZABLE`) transaction.
    static func load(on connection: PostgresConnection) throws -> CatalogSnapshot {
        // Plain (unprepared) statements: they run once per catalog change and would only crowd the connection's
        // prepared statement cache.
        let version: Int64 = try connection.query("SELECT version FROM catalog_version")[0].decode("version")
        let rules = try IntakeCatalog.rules(on: connection)
        let calendars = try CalendarStore.calendars(on: connection)
        var countries: [String: Country] = [:]
        for row in try connection.query("SELECT code, currency_code FROM countries") {
            let code: String = try row.decode("code")
            guard let countryRules = rules[code], let calendar = calendars[code] else { continue }
            countries[code] = Country(
                rules: countryRules, currency: try row.decode("currency_code"), calendar: calendar)
        }
        var municipalities: [String: String] = [:]
        for row in try connection.query("SELECT code, country_code FROM municipalities") {
            municipalities[try row.decode("code")] = try row.decode("country_code")
        }
        var offices: [Pair: String] = [:]
        for row in try connection.query(
            "SELECT code, municipality_code, sector_code FROM offices WHERE kind = 'municipal'"
        ) {
            offices[Pair(first: try row.decode("municipality_code"), second: try row.decode("sector_code"))] =
                try row.decode("code")
        }
        var fees: [Pair: Decimal] = [:]
        for row in try connection.query("SELECT service_code, country_code, amount::text AS amount FROM service_fees") {
            fees[Pair(first: try row.decode("service_code"), second: try row.decode("country_code"))] =
                try row.catalogDecimal("amount")
        }
        return CatalogSnapshot(
            version: version, countries: countries, municipalities: municipalities,
            services: try services(on: connection), fees: fees, municipalOffices: offices,
            serviceOverlays: try serviceOverlays(on: connection), stepOverlays: try stepOverlays(on: connection),
            feeCollection: try feeCollection(on: connection)
        )
    }

    private static func services(on connection: PostgresConnection) throws -> [String: Service] {
        var steps: [String: [WorkflowStep]] = [:]
        for row in try connection.query(
            """
            SELECT service_code, stage_no, step_no, sector_code, office_code, sla_days FROM workflow_steps
             ORDER BY service_code, stage_no, step_no
            """
        ) {
            steps[try row.decode("service_code"), default: []].append(
                WorkflowStep(
                    stageNo: try row.decode("stage_no"), stepNo: try row.decode("step_no"),
                    sector: try row.decode("sector_code"), office: try row.decode("office_code"),
                    slaDays: try row.decode("sla_days")
                )
            )
        }
        let forms = try IntakeCatalog.forms(on: connection)
        let documents = try DocumentRule.all(on: connection)
        var services: [String: Service] = [:]
        for row in try connection.query("SELECT code, active, sla_days, public_report FROM services") {
            let code: String = try row.decode("code")
            services[code] = Service(
                active: try row.decode("active"), slaDays: try row.decode("sla_days"),
                publicReport: try row.decode("public_report"),
                form: forms[code] ?? [], documents: documents[code] ?? [], steps: steps[code] ?? []
            )
        }
        return services
    }

    private static func serviceOverlays(on connection: PostgresConnection) throws -> [Pair: [ServiceOverlay]] {
        var overlays: [Pair: [ServiceOverlay]] = [:]
        for row in try connection.query(
            """
            SELECT id, service_code, municipality_code, valid_from, valid_to, enabled, sla_days, fee::text AS fee
              FROM service_overlays
            """
        ) {
            overlays[
                Pair(first: try row.decode("service_code"), second: try row.decode("municipality_code")),
                default: []
            ]
            .append(
                ServiceOverlay(
                    id: try row.decode("id"), validFrom: microseconds(try row.decode("valid_from")),
                    validTo: try row.decode("valid_to", as: Date?.self).map(microseconds),
                    enabled: try row.decode("enabled"), slaDays: try row.decode("sla_days"),
                    fee: try row.catalogDecimal("fee")
                )
            )
        }
        return overlays
    }

    private static func stepOverlays(on connection: PostgresConnection) throws -> [Pair: [StepOverlay]] {
        var overlays: [Pair: [StepOverlay]] = [:]
        for row in try connection.query(
            """
            SELECT id, service_code, municipality_code, stage_no, step_no, valid_from, valid_to, sector_code,
                   office_code, sla_days
              FROM step_overlays
            """
        ) {
            overlays[
                Pair(first: try row.decode("service_code"), second: try row.decode("municipality_code")),
                default: []
            ]
            .append(
                StepOverlay(
                    id: try row.decode("id"), stageNo: try row.decode("stage_no"),
                    stepNo: try row.decode("step_no"), validFrom: microseconds(try row.decode("valid_from")),
                    validTo: try row.decode("valid_to", as: Date?.self).map(microseconds),
                    sector: try row.decode("sector_code"), office: try row.decode("office_code"),
                    slaDays: try row.decode("sla_days")
                )
            )
        }
        return overlays
    }

    /// `instant` in whole microseconds since 1970, the precision PostgreSQL stores and compares. Rounding undoes a
    /// `Date`'s binary approximation, so two dates naming the same microsecond always compare equal.
    static func microseconds(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1_000_000).rounded())
    }
}
