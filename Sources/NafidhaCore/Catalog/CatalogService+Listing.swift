import Foundation
import NafidhaContract
import Postgres

extension CatalogService {
    /// Every municipality, ordered by country then code, names in `language`.
    public static func municipalities(in language: Language, on connection: PostgresConnection) throws
        -> Catalog.MunicipalityList
    {
        let municipalities = try connection.queryPrepared(
            """
            SELECT m.code, m.name_ar, m.name_fr, m.name_en, m.country_code, m.capital, c.time_zone, c.currency_code
              FROM municipalities m JOIN countries c ON c.code = m.country_code
             ORDER BY m.country_code, m.code
            """
        ).map { try Catalog.Municipality(row: $0, in: language) }
        return Catalog.MunicipalityList(language: language, municipalities: municipalities)
    }

    /// Every sector, ordered by code, names in `language`.
    public static func sectors(in language: Language, on connection: PostgresConnection) throws -> Catalog.SectorList {
        let sectors = try connection.queryPrepared("SELECT code, name_ar, name_fr, name_en FROM sectors ORDER BY code")
            .map { try Catalog.Sector(row: $0, in: language) }
        return Catalog.SectorList(language: language, sectors: sectors)
    }

    /// The services offered in `municipality` at `instant` (those whose workflow resolves there then), ordered by
    /// code, with the SLA and fee that apply there, texts in `language`.
    /// - Throws: `unknown_municipality` (404) when there is no such municipality.
    public static func services(
        offeredIn municipality: String, at instant: Date, in language: Language, on connection: PostgresConnection
    ) throws -> Catalog.ServiceList {
        try requireMunicipality(municipality, on: connection)
        let services = try connection.queryPrepared(
            """
            SELECT s.code, s.sector_code, s.name_ar, s.name_fr, s.name_en,
                   s.description_ar, s.description_fr, s.description_en, s.public_report,
                   (r.w ->> 'sla_days')::int AS sla_days, r.w ->> 'fee' AS fee, r.w ->> 'currency' AS currency
              FROM services s CROSS JOIN LATERAL (SELECT resolve_service(s.code, $1, $2) AS w) r
             WHERE r.w IS NOT NULL
             ORDER BY s.code
            """,
            [municipality, instant]
        ).map { row in
            try Catalog.Service(
                row: row, in: language, slaDays: try row.decode("sla_days"), fee: try row.catalogDecimal("fee") ?? 0,
                currency: try row.decode("currency"))
        }
        return Catalog.ServiceList(language: language, municipality: municipality, services: services)
    }

    /// Throws `unknown_municipality` unless the municipality exists.
    static func requireMunicipality(_ code: String, on connection: PostgresConnection) throws {
        let unknown = NafidhaError(.unknownMunicipality, message: ErrorCode.Message.unknownMunicipality(code: code))
        guard isMunicipalityCode(code) else { throw unknown }
        let rows = try connection.queryPrepared("SELECT 1 AS found FROM municipalities WHERE code = $1", [code])
        if rows.isEmpty { throw unknown }
    }
}
