import Foundation
import NafidhaContract
import Postgres

extension Catalog.Municipality {
    /// A `municipalities` row joined with its country (`time_zone`, `currency_code`), names in `language`.
    init(row: PostgresRow, in language: Language) throws {
        let names = try row.catalogText("name")
        self.init(
            code: try row.decode("code"), name: names.text(in: language), names: names,
            country: try row.decode("country_code"), capital: try row.decode("capital"),
            timeZone: try row.decode("time_zone"), currency: try row.decode("currency_code"))
    }
}

extension Catalog.Sector {
    /// A `sectors` row, its name in `language`.
    init(row: PostgresRow, in language: Language) throws {
        let names = try row.catalogText("name")
        self.init(code: try row.decode("code"), name: names.text(in: language), names: names)
    }
}

extension Catalog.Service {
    /// A `services` row (code, sector, names, descriptions, public flag) with the terms it resolves to in a
    /// municipality, texts in `language`.
    init(row: PostgresRow, in language: Language, slaDays: Int, fee: Decimal, currency: String) throws {
        let names = try row.catalogText("name")
        self.init(
            code: try row.decode("code"), name: names.text(in: language), names: names,
            sector: try row.decode("sector_code"), description: try row.catalogText("description").text(in: language),
            slaDays: slaDays, fee: fee, currency: currency, publicReport: try row.decode("public_report"))
    }
}

extension Catalog.Field {
    /// A form field as the catalog shows it, labels in `language`; choices only for choice fields.
    init(_ field: FormField, in language: Language) {
        let isChoice = field.datatype == .singleChoice || field.datatype == .multipleChoice
        self.init(
            code: field.code, datatype: field.datatype, required: field.required,
            label: field.labels.text(in: language), labels: field.labels,
            choices: isChoice
                ? field.choices.map { Catalog.Choice(code: $0.code, label: $0.labels.text(in: language)) } : nil,
            maxLength: field.maxLength, min: field.minValue, max: field.maxValue)
    }
}
