import Foundation
import Postgres

/// Reads what validation and routing need from the catalog, inside the submission's transaction.
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

    /// The form of `service`, in position order, or nil for an unknown service.
    static func form(service: String, on connection: PostgresConnection) throws -> [FormField]? {
        let exists = try connection.queryPrepared("SELECT 1 FROM services WHERE code = $1", [service])
        guard !exists.isEmpty else { return nil }
        let choiceRows = try connection.queryPrepared(
            "SELECT field_code, code FROM service_field_choices WHERE service_code = $1", [service]
        )
        var choices: [String: Set<String>] = [:]
        for row in choiceRows {
            choices[try row.decode("field_code", as: String.self), default: []].insert(try row.decode("code"))
        }
        return try connection.queryPrepared(
            """
            SELECT code, datatype, required, max_length, min_value::float8 AS min_value,
                   max_value::float8 AS max_value
              FROM service_fields WHERE service_code = $1 ORDER BY position
            """,
            [service]
        ).map { row in
            let code: String = try row.decode("code")
            let datatypeName: String = try row.decode("datatype")
            guard let datatype = FormField.Datatype(rawValue: datatypeName) else {
                throw PostgresError(code: .decodingFailed, message: "unknown datatype \(datatypeName) for field \(code)")
            }
            return FormField(
                code: code, datatype: datatype, required: try row.decode("required"),
                maxLength: try row.decode("max_length"), minimum: try row.decode("min_value"),
                maximum: try row.decode("max_value"), choices: choices[code] ?? []
            )
        }
    }

    /// The workflow of `service` in `municipality` at `instant` (its jsonb text and decoded parts), or nil when the
    /// service is not offered there then.
    static func workflow(
        service: String, municipality: String, at instant: Date, on connection: PostgresConnection
    ) throws -> (text: String, snapshot: ResolvedSnapshot)? {
        let rows = try connection.queryPrepared(
            "SELECT resolve_service($1, $2, $3)::text AS workflow", [service, municipality, instant]
        )
        guard let text = try rows.first?.decode("workflow", as: String?.self) else { return nil }
        let snapshot = try JSONDecoder().decode(ResolvedSnapshot.self, from: Data(text.utf8))
        return (text, snapshot)
    }
}
