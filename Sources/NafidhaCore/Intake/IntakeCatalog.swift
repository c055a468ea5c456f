import Foundation
import Postgres

/// Reads what validation needs from the whole catalog, for the catalog snapshot (`CatalogSnapshot.load`): every
/// country's national id and phone rules, and every service's form.
enum IntakeCatalog {
    /// The rules of every country, by country code.
    static func rules(on connection: PostgresConnection) throws -> [String: CountryRules] {
        var rules: [String: CountryRules] = [:]
        for row in try connection.query(
            """
            SELECT code, phone_country_code, phone_national_pattern, national_id_pattern,
                   national_id_birth_year_position::int AS birth_year_position, time_zone
              FROM countries
            """
        ) {
            let country: String = try row.decode("code")
            rules[country] = CountryRules(
                country: country, phoneCountryCode: try row.decode("phone_country_code"),
                phoneNationalPattern: try row.decode("phone_national_pattern"),
                nationalIDPattern: try row.decode("national_id_pattern"),
                birthYearPosition: try row.decode("birth_year_position"), timeZone: try row.decode("time_zone")
            )
        }
        return rules
    }

    /// The form of every service that has fields (`CatalogService.formFields`, all services at once), by service
    /// code; a service without fields has no entry.
    static func forms(on connection: PostgresConnection) throws -> [String: [FormField]] {
        var choices: [String: [String: [FormField.Choice]]] = [:]
        for row in try connection.query(
            """
            SELECT service_code, field_code, code, label_ar, label_fr, label_en FROM service_field_choices
             ORDER BY service_code, field_code, position
            """
        ) {
            choices[try row.decode("service_code"), default: [:]][try row.decode("field_code"), default: []].append(
                FormField.Choice(code: try row.decode("code"), labels: try row.catalogText("label"))
            )
        }
        var forms: [String: [FormField]] = [:]
        for row in try connection.query(
            """
            SELECT service_code, code, datatype, required, label_ar, label_fr, label_en, max_length,
                   min_value::text AS min_value, max_value::text AS max_value
              FROM service_fields ORDER BY service_code, position
            """
        ) {
            let service: String = try row.decode("service_code")
            let field: String = try row.decode("code")
            forms[service, default: []].append(
                try CatalogService.formField(from: row, choices: choices[service]?[field] ?? []))
        }
        return forms
    }
}
