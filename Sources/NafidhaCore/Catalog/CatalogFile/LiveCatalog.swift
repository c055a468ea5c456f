import Foundation
import NafidhaContract
import Postgres

/// The catalog the database holds now, as a `CatalogDocument`, with what writing a change to it needs besides:
/// the database ids of the overlays (a changed overlay keeps its id, which requests' workflow snapshots name) and the
/// disabled services (a file that names one again enables it). Disabled services and what hangs from them are not
/// part of the document: the live catalog is what is offered.
struct LiveCatalog: Sendable {
    var document = CatalogDocument()
    var serviceOverlayIDs: [CatalogDocument.ServiceOverlayKey: Int64] = [:]
    var stepOverlayIDs: [CatalogDocument.StepOverlayKey: Int64] = [:]
    var disabledServices: Set<String> = []

    /// Reads it on `connection`, inside the caller's transaction. Plain statements (not prepared): they run once per
    /// export or apply.
    static func read(on connection: PostgresConnection) throws -> LiveCatalog {
        var live = LiveCatalog()
        live.document.countries = try countries(on: connection)
        let currencies = Dictionary(
            live.document.countries.map { ($0.code, $0.currency) }, uniquingKeysWith: { a, _ in a })
        live.document.sectors = try connection.query(
            "SELECT code, name_ar, name_fr, name_en FROM sectors ORDER BY code"
        )
        .map { CatalogDocument.Sector(code: try $0.decode("code"), names: try $0.catalogText("name")) }
        live.document.municipalities = try connection.query(
            "SELECT code, country_code, name_ar, name_fr, name_en, capital FROM municipalities ORDER BY country_code, code"
        ).map {
            CatalogDocument.Municipality(
                code: try $0.decode("code"), country: try $0.decode("country_code"), names: try $0.catalogText("name"),
                capital: try $0.decode("capital"))
        }
        live.document.offices = try connection.query(
            """
            SELECT code, kind, country_code, municipality_code, sector_code, name_ar, name_fr, name_en
              FROM offices ORDER BY code
            """
        ).map {
            CatalogDocument.Office(
                code: try $0.decode("code"), kind: .init(rawValue: try $0.decode("kind")),
                country: try $0.decode("country_code"), municipality: try $0.decode("municipality_code"),
                sector: try $0.decode("sector_code"), names: try $0.catalogText("name"))
        }
        live.document.services = try services(currencies: currencies, on: connection)
        live.disabledServices = Set(
            try connection.query("SELECT code FROM services WHERE NOT active").map {
                try $0.decode("code", as: String.self)
            })
        try readOverlays(into: &live, on: connection)
        return live
    }

    private static func countries(on connection: PostgresConnection) throws -> [CatalogDocument.Country] {
        var holidays: [String: [CatalogDocument.Holiday]] = [:]
        for row in try connection.query(
            """
            SELECT country_code, holiday_date::text AS day, name_ar, name_fr, name_en, estimated
              FROM public_holidays ORDER BY country_code, holiday_date
            """
        ) {
            let day: String = try row.decode("day")
            guard let date = LocalDate(day) else { throw CatalogDataError(column: "holiday_date", value: day) }
            holidays[try row.decode("country_code"), default: []].append(
                CatalogDocument.Holiday(
                    date: date, names: try row.catalogText("name"), estimated: try row.decode("estimated")))
        }
        return try connection.query(
            """
            SELECT code, name_ar, name_fr, name_en, time_zone, weekend_days::int8[] AS weekend, currency_code,
                   phone_country_code, phone_national_pattern, national_id_pattern,
                   national_id_birth_year_position::int AS birth_year_position, national_id_hint_ar,
                   national_id_hint_fr, national_id_hint_en, holiday_first_year::int AS first_year,
                   holiday_last_year::int AS last_year
              FROM countries ORDER BY code
            """
        ).map { row in
            let code: String = try row.decode("code")
            let days = holidays[code] ?? []
            // A country written by hand after migration 0015 may lack its years: those of its holidays stand in.
            let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
            let first = try row.decode("first_year", as: Int?.self) ?? days.first?.date.year ?? thisYear
            let last = try row.decode("last_year", as: Int?.self) ?? days.last?.date.year ?? first
            return CatalogDocument.Country(
                code: code, names: try row.catalogText("name"), timeZone: try row.decode("time_zone"),
                weekend: try row.decode("weekend", as: [Int].self).sorted(), currency: try row.decode("currency_code"),
                phoneCountryCode: try row.decode("phone_country_code"),
                phonePattern: try row.decode("phone_national_pattern"),
                nationalIDPattern: try row.decode("national_id_pattern"),
                birthYearPosition: try row.decode("birth_year_position"),
                nationalIDHints: try row.catalogText("national_id_hint"), holidayYears: first...max(first, last),
                holidays: days)
        }
    }

    /// The active services with their fees (in minor units of the country's currency), fields, documents and steps.
    private static func services(
        currencies: [String: String], on connection: PostgresConnection
    ) throws -> [CatalogDocument.Service] {
        var fees: [String: [CatalogDocument.Fee]] = [:]
        for row in try connection.query(
            "SELECT service_code, country_code, amount::text AS amount FROM service_fees ORDER BY service_code, country_code"
        ) {
            let country: String = try row.decode("country_code")
            let currency = currencies[country] ?? ""
            let major = try row.catalogDecimal("amount") ?? 0
            fees[try row.decode("service_code"), default: []].append(
                CatalogDocument.Fee(country: country, amount: .init(major: major, currency: currency)))
        }
        var choices: [String: [CatalogDocument.Choice]] = [:]
        for row in try connection.query(
            """
            SELECT service_code, field_code, code, label_ar, label_fr, label_en FROM service_field_choices
             ORDER BY service_code, field_code, position
            """
        ) {
            let key = try row.decode("service_code", as: String.self) + " " + row.decode("field_code", as: String.self)
            choices[key, default: []].append(
                CatalogDocument.Choice(code: try row.decode("code"), labels: try row.catalogText("label")))
        }
        var fields: [String: [CatalogDocument.Field]] = [:]
        for row in try connection.query(
            """
            SELECT service_code, code, datatype, required, label_ar, label_fr, label_en, max_length,
                   min_value::text AS min_value, max_value::text AS max_value
              FROM service_fields ORDER BY service_code, position
            """
        ) {
            let service: String = try row.decode("service_code")
            let code: String = try row.decode("code")
            fields[service, default: []].append(
                CatalogDocument.Field(
                    code: code, datatype: Catalog.FieldDatatype(rawValue: try row.decode("datatype")),
                    required: try row.decode("required"), labels: try row.catalogText("label"),
                    maxLength: try row.decode("max_length"), minimum: try row.catalogDecimal("min_value"),
                    maximum: try row.catalogDecimal("max_value"), choices: choices[service + " " + code] ?? []))
        }
        var documents: [String: [CatalogDocument.Document]] = [:]
        for row in try connection.query(
            """
            SELECT service_code, code, name_ar, name_fr, name_en, required, media_types, max_bytes
              FROM service_documents ORDER BY service_code, position
            """
        ) {
            documents[try row.decode("service_code"), default: []].append(
                CatalogDocument.Document(
                    code: try row.decode("code"), names: try row.catalogText("name"),
                    required: try row.decode("required"),
                    mediaTypes: try row.decode("media_types"), maxBytes: try row.decode("max_bytes")))
        }
        var workflows: [String: [CatalogDocument.Stage]] = [:]
        for row in try connection.query(
            """
            SELECT service_code, stage_no, step_no, sector_code, office_code, sla_days FROM workflow_steps
             ORDER BY service_code, stage_no, step_no
            """
        ) {
            let service: String = try row.decode("service_code")
            let stage: Int = try row.decode("stage_no")
            let step = CatalogDocument.Step(
                number: try row.decode("step_no"), sector: try row.decode("sector_code"),
                office: try row.decode("office_code"), slaDays: try row.decode("sla_days"))
            if workflows[service]?.last?.number == stage {
                workflows[service]![workflows[service]!.count - 1].steps.append(step)
            } else {
                workflows[service, default: []].append(CatalogDocument.Stage(number: stage, steps: [step]))
            }
        }
        return try connection.query(
            """
            SELECT code, sector_code, name_ar, name_fr, name_en, description_ar, description_fr, description_en,
                   sla_days, public_report, keywords, appeal_window_days
              FROM services WHERE active ORDER BY code
            """
        ).map { row in
            let code: String = try row.decode("code")
            return CatalogDocument.Service(
                code: code, sector: try row.decode("sector_code"), names: try row.catalogText("name"),
                descriptions: try row.catalogText("description"), slaDays: try row.decode("sla_days"),
                publicReport: try row.decode("public_report"), keywords: try row.decode("keywords"),
                fees: fees[code] ?? [], fields: fields[code] ?? [], documents: documents[code] ?? [],
                workflow: workflows[code] ?? [], appealWindowDays: try row.decode("appeal_window_days"))
        }
    }
}

extension CatalogDocument.Money {
    /// An amount the database keeps in major units (`numeric(12, 3)`), in minor units of `currency`.
    init(major: Decimal, currency: String) {
        self.init(amountMinor: major * Self.scale(currency), currency: currency)
    }

    /// The amount in major units, as the database keeps it.
    var major: Decimal { amountMinor / Self.scale(currency) }

    /// 10 to the power of the currency's decimals.
    private static func scale(_ currency: String) -> Decimal {
        (0..<(CurrencyExponent.of(currency) ?? 0)).reduce(Decimal(1)) { value, _ in value * 10 }
    }
}
