import NafidhaContract
import Postgres

/// A phone number a citizen types to sign in, read by the countries' rules exactly as the intake reads an
/// applicant's phone (`CountryRules.phone`), so that it equals the stored `applicant_phone` of their requests.
enum CitizenPhone {
    /// `input` in E.164. A number that no country's rules read, or that several read differently (a national form
    /// two countries accept), is 422 `validation_failed` naming `phone`: the citizen then types the international
    /// form. Depends on the text only, never on whether the phone has requests.
    static func normalized(_ input: String, on connection: PostgresConnection) throws -> String {
        let rows = try connection.queryPrepared(
            """
            SELECT code, phone_country_code, phone_national_pattern, national_id_pattern,
                   national_id_birth_year_position::int AS birth_year_position, time_zone
              FROM countries ORDER BY code
            """
        )
        var phones = Set<String>()
        for row in rows {
            let rules = CountryRules(
                country: try row.decode("code"), phoneCountryCode: try row.decode("phone_country_code"),
                phoneNationalPattern: try row.decode("phone_national_pattern"),
                nationalIDPattern: try row.decode("national_id_pattern"),
                birthYearPosition: try row.decode("birth_year_position"), timeZone: try row.decode("time_zone"))
            if case .success(let phone) = rules.phone(input) { phones.insert(phone) }
        }
        guard phones.count == 1, let phone = phones.first else {
            throw NafidhaError(.validationFailed, fields: ["phone": .invalidPhone])
        }
        return phone
    }
}
