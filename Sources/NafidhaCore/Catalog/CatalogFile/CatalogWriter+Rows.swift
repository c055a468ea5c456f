import Foundation

// The rows the writer sends, one JSON object per row, member names as the statements' `jsonb_to_recordset` columns.

extension CatalogDocument.Country {
    var row: JSONTree {
        .object(
            [
                .init(key: "code", value: .string(code)), .init(key: "time_zone", value: .string(timeZone)),
                .init(key: "weekend", value: .array(weekend.map(JSONTree.integer))),
                .init(key: "currency", value: .string(currency)),
                .init(key: "phone_country_code", value: .string(phoneCountryCode)),
                .init(key: "phone_pattern", value: .string(phonePattern)),
                .init(key: "national_id_pattern", value: .string(nationalIDPattern)),
                .init(key: "birth_year_position", value: birthYearPosition.map(JSONTree.integer) ?? .null),
                .init(key: "first_year", value: .integer(holidayYears.lowerBound)),
                .init(key: "last_year", value: .integer(holidayYears.upperBound)),
            ] + CatalogWriter.names("name", names) + CatalogWriter.names("hint", nationalIDHints))
    }
}

extension CatalogDocument.Holiday {
    func row(country: String) -> JSONTree {
        .object(
            [
                .init(key: "country", value: .string(country)), .init(key: "day", value: .string(date.description)),
                .init(key: "estimated", value: .bool(estimated)),
            ] + CatalogWriter.names("name", names))
    }
}

extension CatalogDocument.Office {
    var row: JSONTree {
        .object(
            [
                .init(key: "code", value: .string(code)), .init(key: "kind", value: .string(kind?.rawValue ?? "")),
                .init(key: "country", value: .string(country)),
                .init(key: "municipality", value: municipality.map(JSONTree.string) ?? .null),
                .init(key: "sector", value: .string(sector)),
            ] + CatalogWriter.names("name", names))
    }
}

extension CatalogDocument.Service {
    var row: JSONTree {
        .object(
            [
                .init(key: "code", value: .string(code)), .init(key: "sector", value: .string(sector)),
                .init(key: "sla_days", value: .integer(slaDays)),
                .init(key: "public_report", value: .bool(publicReport)),
                .init(key: "appeal_window_days", value: appealWindowDays.map(JSONTree.integer) ?? .null),
                .init(key: "keywords", value: .array(keywords.map(JSONTree.string))),
            ] + CatalogWriter.names("name", names) + CatalogWriter.names("description", descriptions))
    }
}

extension CatalogDocument.ServiceOverlay {
    /// The row, with the database id it keeps when it is a changed overlay.
    func row(id: Int64?) -> JSONTree {
        .object([
            .init(key: "id", value: id.map { .number(String($0)) } ?? .null),
            .init(key: "service", value: .string(service)), .init(key: "municipality", value: .string(municipality)),
            .init(key: "valid_from", value: .number(String(validFrom))),
            .init(key: "valid_to", value: validTo.map { .number(String($0)) } ?? .null),
            .init(key: "enabled", value: enabled.map(JSONTree.bool) ?? .null),
            .init(key: "sla_days", value: slaDays.map(JSONTree.integer) ?? .null),
            .init(key: "fee", value: fee.map { .decimal($0.major) } ?? .null), .init(key: "note", value: .string(note)),
        ])
    }
}

extension CatalogDocument.StepOverlay {
    /// The row, with the database id it keeps when it is a changed overlay.
    func row(id: Int64?) -> JSONTree {
        .object([
            .init(key: "id", value: id.map { .number(String($0)) } ?? .null),
            .init(key: "service", value: .string(service)), .init(key: "municipality", value: .string(municipality)),
            .init(key: "stage", value: .integer(stage)), .init(key: "step", value: .integer(step)),
            .init(key: "valid_from", value: .number(String(validFrom))),
            .init(key: "valid_to", value: validTo.map { .number(String($0)) } ?? .null),
            .init(key: "sector", value: sector.map(JSONTree.string) ?? .null),
            .init(key: "office", value: office.map(JSONTree.string) ?? .null),
            .init(key: "sla_days", value: slaDays.map(JSONTree.integer) ?? .null),
            .init(key: "note", value: .string(note)),
        ])
    }
}
