import Foundation
import NafidhaContract
import Postgres

/// What a request search compares, made from what the clerk typed, and the condition on `requests r` that finds it
/// through an index (migration 0012).
///
/// National ids and phones are normalized by the rules of the countries in the caller's scope, exactly as intake
/// normalized the citizen's (`CountryRules`: Arabic-Indic digits, spaces, dashes, `00` or `+`, the national form
/// with its trunk `0`), so an exact match finds them: the stored values are already normal. A national form may be
/// a number of more than one country: every country's reading is looked for. A name goes through the database's
/// `request_search_name`, the function its index is built on, so both sides are normalized by the same code.
struct SearchTerm {
    /// The condition, with the term as parameter `$1`: fixed SQL, never built from the input.
    let condition: String
    /// The term.
    let value: any PostgresEncodable

    /// Fewest characters (spaces aside) of a normalized name searched for: a trigram index needs three.
    static let shortestName = 3
    /// Longest name searched for: no applicant's name is longer (`requests.applicant_name`).
    static let longestName = 200

    /// The term for `criterion`, or nil when nothing can match (a name longer than any applicant's).
    /// - Throws: 422 `invalid_search_term` for a national id or phone no country in scope accepts, 422
    ///   `search_term_too_short` for a name under three characters.
    static func make(
        _ criterion: Staff.RequestSearchQuery.Criterion, municipalities: [String]?, at now: Date,
        on connection: PostgresConnection
    ) throws -> SearchTerm? {
        switch criterion {
        case .nationalID(let text):
            let ids = try countryRules(municipalities, on: connection).compactMap { rules in
                if case .success(let id) = rules.nationalID(text, at: now) { id } else { nil }
            }
            guard !ids.isEmpty else { throw invalid }
            return SearchTerm(condition: "r.applicant_national_id = ANY ($1::text[])", value: Array(Set(ids)).sorted())
        case .phone(let text):
            let phones = try countryRules(municipalities, on: connection).compactMap { rules in
                if case .success(let phone) = rules.phone(text) { phone } else { nil }
            }
            guard !phones.isEmpty else { throw invalid }
            return SearchTerm(condition: "r.applicant_phone = ANY ($1::text[])", value: Array(Set(phones)).sorted())
        case .name(let text):
            guard text.count <= longestName else { return nil }
            let key: String =
                try connection.queryPrepared("SELECT request_search_name($1) AS key", [text])[0].decode("key")
            guard key.filter({ $0 != " " }).count >= shortestName else { throw tooShort }
            return SearchTerm(
                condition: "request_search_name(r.applicant_name) LIKE $1", value: "%" + likeEscaped(key) + "%")
        }
    }

    /// `text` with LIKE's wildcards and its escape character taken literally.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// The national id and phone rules of the countries of `municipalities` (nil: every country).
    private static func countryRules(
        _ municipalities: [String]?, on connection: PostgresConnection
    ) throws -> [CountryRules] {
        try connection.queryPrepared(
            """
            SELECT DISTINCT c.code, c.phone_country_code, c.phone_national_pattern, c.national_id_pattern,
                   c.national_id_birth_year_position::int AS birth_year_position, c.time_zone
              FROM countries c JOIN municipalities m ON m.country_code = c.code
             WHERE $1::text[] IS NULL OR m.code = ANY ($1::text[])
             ORDER BY c.code
            """,
            [municipalities]
        ).map { row in
            CountryRules(
                country: try row.decode("code"), phoneCountryCode: try row.decode("phone_country_code"),
                phoneNationalPattern: try row.decode("phone_national_pattern"),
                nationalIDPattern: try row.decode("national_id_pattern"),
                birthYearPosition: try row.decode("birth_year_position"), timeZone: try row.decode("time_zone"))
        }
    }

    static let tooShort = NafidhaError(.searchTermTooShort)

    static let invalid = NafidhaError(.invalidSearchTerm)
}
