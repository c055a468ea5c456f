import Foundation
import NafidhaContract
import Postgres

/// Writes a `CatalogChangeSet` to the catalog tables, inside the apply's transaction, in an order that keeps every
/// foreign key and the overlays' no-overlap triggers satisfied at each statement: overlays that go or change leave
/// first; countries, sectors, municipalities and offices are written before the services that name them; services
/// next; what is removed goes once nothing names it; overlays come last. Rows travel as one JSON parameter per
/// statement (`jsonb_to_recordset`), so each table costs one or two statements, whatever the number of rows.
struct CatalogWriter {
    let changes: CatalogChangeSet
    let live: LiveCatalog
    /// Removed services that requests name: disabled, not deleted.
    let disabled: Set<String>
    let connection: PostgresConnection

    /// Writes the whole change.
    func write() throws {
        try removeOverlays()
        try writeCountries()
        try upsertPlaces()
        try writeServices()
        try removePlaces()
        try insertOverlays()
    }

    /// Overlays removed, and changed ones (inserted again with their id at the end).
    private func removeOverlays() throws {
        let steps = (changes.stepOverlays.removed + changes.stepOverlays.changed.map(\.before)).compactMap {
            live.stepOverlayIDs[$0.key]
        }
        let services = (changes.serviceOverlays.removed + changes.serviceOverlays.changed.map(\.before)).compactMap {
            live.serviceOverlayIDs[$0.key]
        }
        if !steps.isEmpty { try connection.execute("DELETE FROM step_overlays WHERE id = ANY($1::int8[])", [steps]) }
        if !services.isEmpty {
            try connection.execute("DELETE FROM service_overlays WHERE id = ANY($1::int8[])", [services])
        }
    }

    private func writeCountries() throws {
        let countries = changes.countries.added + changes.countries.changed.map(\.after)
        guard !countries.isEmpty else { return }
        try connection.execute(
            """
            INSERT INTO countries (code, name_ar, name_fr, name_en, time_zone, weekend_days, currency_code,
                                   phone_country_code, phone_national_pattern, national_id_pattern,
                                   national_id_birth_year_position, national_id_hint_ar, national_id_hint_fr,
                                   national_id_hint_en, holiday_first_year, holiday_last_year)
            SELECT code, name_ar, name_fr, name_en, time_zone,
                   ARRAY(SELECT jsonb_array_elements_text(weekend)::smallint), currency, phone_country_code,
                   phone_pattern, national_id_pattern, birth_year_position, hint_ar, hint_fr, hint_en, first_year,
                   last_year
              FROM jsonb_to_recordset($1::jsonb) AS x (code text, name_ar text, name_fr text, name_en text,
                   time_zone text, weekend jsonb, currency text, phone_country_code text, phone_pattern text,
                   national_id_pattern text, birth_year_position smallint, hint_ar text, hint_fr text, hint_en text,
                   first_year smallint, last_year smallint)
            ON CONFLICT (code) DO UPDATE SET
                   name_ar = excluded.name_ar, name_fr = excluded.name_fr, name_en = excluded.name_en,
                   time_zone = excluded.time_zone, weekend_days = excluded.weekend_days,
                   currency_code = excluded.currency_code, phone_country_code = excluded.phone_country_code,
                   phone_national_pattern = excluded.phone_national_pattern,
                   national_id_pattern = excluded.national_id_pattern,
                   national_id_birth_year_position = excluded.national_id_birth_year_position,
                   national_id_hint_ar = excluded.national_id_hint_ar, national_id_hint_fr = excluded.national_id_hint_fr,
                   national_id_hint_en = excluded.national_id_hint_en, holiday_first_year = excluded.holiday_first_year,
                   holiday_last_year = excluded.holiday_last_year
            """,
            [Self.rows(countries.map(\.row))])
        // Holidays have no dependents: those of a written country are replaced whole.
        try connection.execute(
            "DELETE FROM public_holidays WHERE country_code = ANY($1::text[])", [countries.map(\.code)])
        let holidays = countries.flatMap { country in country.holidays.map { $0.row(country: country.code) } }
        guard !holidays.isEmpty else { return }
        try connection.execute(
            """
            INSERT INTO public_holidays (country_code, holiday_date, name_ar, name_fr, name_en, estimated)
            SELECT country, day, name_ar, name_fr, name_en, estimated
              FROM jsonb_to_recordset($1::jsonb) AS x (country text, day date, name_ar text, name_fr text,
                   name_en text, estimated boolean)
            """,
            [Self.rows(holidays)])
    }

    /// Sectors, municipalities and offices added or changed.
    private func upsertPlaces() throws {
        let sectors = changes.sectors.added + changes.sectors.changed.map(\.after)
        if !sectors.isEmpty {
            try connection.execute(
                """
                INSERT INTO sectors (code, name_ar, name_fr, name_en)
                SELECT code, name_ar, name_fr, name_en
                  FROM jsonb_to_recordset($1::jsonb) AS x (code text, name_ar text, name_fr text, name_en text)
                ON CONFLICT (code) DO UPDATE SET
                       name_ar = excluded.name_ar, name_fr = excluded.name_fr, name_en = excluded.name_en
                """,
                [
                    Self.rows(
                        sectors.map {
                            .object([.init(key: "code", value: .string($0.code))] + Self.names("name", $0.names))
                        })
                ])
        }
        let municipalities = changes.municipalities.added + changes.municipalities.changed.map(\.after)
        if !municipalities.isEmpty {
            try connection.execute(
                """
                INSERT INTO municipalities (code, country_code, name_ar, name_fr, name_en, capital)
                SELECT code, country, name_ar, name_fr, name_en, capital
                  FROM jsonb_to_recordset($1::jsonb) AS x (code text, country text, name_ar text, name_fr text,
                       name_en text, capital boolean)
                ON CONFLICT (code) DO UPDATE SET
                       country_code = excluded.country_code, name_ar = excluded.name_ar,
                       name_fr = excluded.name_fr, name_en = excluded.name_en, capital = excluded.capital
                """,
                [
                    Self.rows(
                        municipalities.map {
                            .object(
                                [
                                    .init(key: "code", value: .string($0.code)),
                                    .init(key: "country", value: .string($0.country)),
                                    .init(key: "capital", value: .bool($0.capital)),
                                ] + Self.names("name", $0.names))
                        })
                ])
        }
        let offices = changes.offices.added + changes.offices.changed.map(\.after)
        if !offices.isEmpty {
            try connection.execute(
                """
                INSERT INTO offices (code, kind, country_code, municipality_code, sector_code, name_ar, name_fr, name_en)
                SELECT code, kind, country, municipality, sector, name_ar, name_fr, name_en
                  FROM jsonb_to_recordset($1::jsonb) AS x (code text, kind text, country text, municipality text,
                       sector text, name_ar text, name_fr text, name_en text)
                ON CONFLICT (code) DO UPDATE SET
                       kind = excluded.kind, country_code = excluded.country_code,
                       municipality_code = excluded.municipality_code, sector_code = excluded.sector_code,
                       name_ar = excluded.name_ar, name_fr = excluded.name_fr, name_en = excluded.name_en
                """,
                [Self.rows(offices.map(\.row))])
        }
    }

    /// Removed municipalities, sectors, offices and countries, once nothing in the catalog names them.
    private func removePlaces() throws {
        let offices = changes.offices.removed.map(\.code)
        if !offices.isEmpty { try connection.execute("DELETE FROM offices WHERE code = ANY($1::text[])", [offices]) }
        let municipalities = changes.municipalities.removed.map(\.code)
        if !municipalities.isEmpty {
            try connection.execute("DELETE FROM municipalities WHERE code = ANY($1::text[])", [municipalities])
        }
        let sectors = changes.sectors.removed.map(\.code)
        if !sectors.isEmpty { try connection.execute("DELETE FROM sectors WHERE code = ANY($1::text[])", [sectors]) }
        let countries = changes.countries.removed.map(\.code)
        if !countries.isEmpty {
            try connection.execute("DELETE FROM public_holidays WHERE country_code = ANY($1::text[])", [countries])
            try connection.execute("DELETE FROM countries WHERE code = ANY($1::text[])", [countries])
        }
    }

    /// One JSON array parameter of `rows`.
    static func rows(_ rows: [JSONTree]) -> PostgresJSON {
        PostgresJSON(JSONTree.array(rows).compactText)
    }

    /// `<prefix>_ar`, `<prefix>_fr`, `<prefix>_en` members.
    static func names(_ prefix: String, _ text: LocalizedText) -> [JSONTree.Member] {
        [
            .init(key: prefix + "_ar", value: .string(text.ar)), .init(key: prefix + "_fr", value: .string(text.fr)),
            .init(key: prefix + "_en", value: .string(text.en)),
        ]
    }
}
