import Foundation
import Postgres

/// Reads what validation needs from the catalog, inside the submission's transaction.
enum IntakeCatalog {
    /// The national id and phone rules of `municipality`'s country, or nil for an unknown municipality.
    static func rules(municipality: String, on connection: PostgresConnection) throws -> CountryRules? {
        let rows = try connection.queryPrepared(
            """
            SELECT c.code, c.phone_country_code, c.phone_national_pattern, c.national_id_pattern,
                   c.national_id_birth_year_position::int AS birth_year_position, c.time_zone
              FROM municipalities m JOIN countries c ON c.code = m.country_code
             WHERE m.code = $1
            """,
            [municipality]
        )
        guard let row = rows.first else { return nil }
        return CountryRules(
            country: try row.decode("code"), phoneCountryCode: try row.decode("phone_country_code"),
            phoneNationalPattern: try row.decode("phone_national_pattern"),
            nationalIDPattern: try row.decode("national_id_pattern"),
            birthYearPosition: try row.decode("birth_year_position"), timeZone: try row.decode("time_zone")
        )
    }

    /// The form of `service` (`CatalogService.formFields`) and whether it is a public report (anyone may file
    /// it without proving identity), or nil for an unknown service.
    static func form(service: String, on connection: PostgresConnection) throws -> (
        fields: [FormField], publicReport: Bool
    )? {
        guard
            let row = try connection.queryPrepared("SELECT public_report FROM services WHERE code = $1", [service])
                .first
        else {
            return nil
        }
        return (try CatalogService.formFields(service: service, on: connection), try row.decode("public_report"))
    }
}
