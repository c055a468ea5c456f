import Foundation
import NafidhaContract
import Postgres

extension CatalogService {
    /// Every municipality, ordered by country then code.
    public static func municipalities(on connection: PostgresConnection) throws -> [Municipality] {
        try connection.queryPrepared(
            """
            SELECT m.code, m.name_ar, m.name_fr, m.name_en, m.country_code, m.capital, c.time_zone, c.currency_code
              FROM municipalities m JOIN countries c ON c.code = m.country_code
             ORDER BY m.country_code, m.code
            """
        ).map { row in
            Municipality(
                code: try row.decode("code"), names: try row.catalogText("name"),
                country: try row.decode("country_code"), capital: try row.decode("capital"),
                timeZone: try row.decode("time_zone"), currency: try row.decode("currency_code")
            )
        }
    }

    /// Every sector, ordered by code.
    public static func sectors(on connection: PostgresConnection) throws -> [Sector] {
        try connection.queryPrepared("SELECT code, name_ar, name_fr, name_en FROM sectors ORDER BY code").map { row in
            Sector(code: try row.decode("code"), names: try row.catalogText("name"))
        }
    }

    /// The services offered in `municipality` at `instant` (those whose workflow resolves there then), ordered by
    /// code, with the SLA and fee that apply there.
    /// - Throws: `unknown_municipality` (404) when there is no such municipality.
    public static func services(
        offeredIn municipality: String, at instant: Date, on connection: PostgresConnection
    ) throws -> [ServiceSummary] {
        try requireMunicipality(municipality, on: connection)
        return try connection.queryPrepared(
            """
            SELECT s.code, s.sector_code, s.name_ar, s.name_fr, s.name_en,
                   s.description_ar, s.description_fr, s.description_en, s.public_report,
                   (r.w ->> 'sla_days')::int AS sla_days, r.w ->> 'fee' AS fee, r.w ->> 'currency' AS currency
              FROM services s CROSS JOIN LATERAL (SELECT resolve_service(s.code, $1, $2) AS w) r
             WHERE r.w IS NOT NULL
             ORDER BY s.code
            """,
            [municipality, instant]
        ).map(summary(from:))
    }

    /// Reads a service row joined with its resolution (`sla_days`, `fee`, `currency`).
    static func summary(from row: PostgresRow) throws -> ServiceSummary {
        ServiceSummary(
            code: try row.decode("code"), sector: try row.decode("sector_code"), names: try row.catalogText("name"),
            descriptions: try row.catalogText("description"), slaDays: try row.decode("sla_days"),
            fee: try row.catalogDecimal("fee") ?? 0, currency: try row.decode("currency"),
            publicReport: try row.decode("public_report")
        )
    }

    /// Throws `unknown_municipality` unless the municipality exists.
    static func requireMunicipality(_ code: String, on connection: PostgresConnection) throws {
        let unknown = NafidhaError(.unknownMunicipality, message: ErrorCode.Message.unknownMunicipality(code: code))
        guard isMunicipalityCode(code) else { throw unknown }
        let rows = try connection.queryPrepared("SELECT 1 AS found FROM municipalities WHERE code = $1", [code])
        if rows.isEmpty { throw unknown }
    }
}
