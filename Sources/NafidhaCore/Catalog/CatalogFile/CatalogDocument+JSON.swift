import Foundation
import NafidhaContract

/// The document as the JSON a catalog file holds, members in the order people read them: what the export writes
/// and what the diff compares, one thing at a time.
extension CatalogDocument {
    /// The whole file.
    var tree: JSONTree {
        let zones = municipalityZones
        return .object([
            "format": .number(String(Self.format)),
            "countries": .array(countries.map(\.tree)),
            "sectors": .array(sectors.map(\.tree)),
            "municipalities": .array(municipalities.map(\.tree)),
            "offices": .array(offices.map(\.tree)),
            "services": .array(services.map(\.tree)),
            "service_overlays": .array(serviceOverlays.map { $0.tree(zone: zones[$0.municipality] ?? .gmt) }),
            "step_overlays": .array(stepOverlays.map { $0.tree(zone: zones[$0.municipality] ?? .gmt) }),
        ])
    }

    /// The time zone of each municipality, its country's: overlay dates are midnights there.
    var municipalityZones: [String: TimeZone] {
        let byCountry = Dictionary(
            countries.compactMap { country in TimeZone(identifier: country.timeZone).map { (country.code, $0) } },
            uniquingKeysWith: { first, _ in first })
        return Dictionary(
            municipalities.compactMap { municipality in byCountry[municipality.country].map { (municipality.code, $0) }
            },
            uniquingKeysWith: { first, _ in first })
    }
}

extension JSONTree {
    /// `{"ar", "fr", "en"}`.
    static func text(_ text: LocalizedText) -> JSONTree {
        .object(["ar": .string(text.ar), "fr": .string(text.fr), "en": .string(text.en)])
    }

    /// A whole number.
    static func integer(_ value: Int) -> JSONTree { .number(String(value)) }

    /// A decimal, exactly.
    static func decimal(_ value: Decimal) -> JSONTree { .number(value.description) }
}

extension CatalogDocument.Country {
    var tree: JSONTree {
        .object([
            "code": .string(code), "names": .text(names), "time_zone": .string(timeZone),
            "weekend": .array(weekend.map(JSONTree.integer)), "currency": .string(currency),
            "phone": .object(["country_code": .string(phoneCountryCode), "national_pattern": .string(phonePattern)]),
            "national_id": .object([
                "pattern": .string(nationalIDPattern), "birth_year_position": birthYearPosition.map(JSONTree.integer),
                "hints": .text(nationalIDHints),
            ]),
            "holiday_years": .object([
                "from": .integer(holidayYears.lowerBound), "to": .integer(holidayYears.upperBound),
            ]),
            "holidays": .array(holidays.map(\.tree)),
        ])
    }
}

extension CatalogDocument.Holiday {
    var tree: JSONTree {
        .object(["date": .string(date.description), "names": .text(names), "estimated": .bool(estimated)])
    }
}

extension CatalogDocument.Sector {
    var tree: JSONTree { .object(["code": .string(code), "names": .text(names)]) }
}

extension CatalogDocument.Municipality {
    var tree: JSONTree {
        .object(["code": .string(code), "country": .string(country), "names": .text(names), "capital": .bool(capital)])
    }
}

extension CatalogDocument.Office {
    var tree: JSONTree {
        .object([
            "code": .string(code), "kind": .string(kind?.rawValue ?? ""), "country": .string(country),
            "municipality": municipality.map(JSONTree.string), "sector": .string(sector), "names": .text(names),
        ])
    }
}

extension CatalogDocument.Service {
    var tree: JSONTree {
        .object([
            "code": .string(code), "sector": .string(sector), "names": .text(names),
            "descriptions": .text(descriptions), "sla_days": .integer(slaDays), "public_report": .bool(publicReport),
            "appeal_window_days": appealWindowDays.map(JSONTree.integer),
            "keywords": .array(keywords.map(JSONTree.string)),
            "fees": .array(
                fees.map { .object([JSONTree.Member(key: "country", value: .string($0.country))] + $0.amount.members) }),
            "fields": .array(fields.map(\.tree)),
            "documents": .array(documents.map(\.tree)),
            "workflow": .array(workflow.map(\.tree)),
        ])
    }
}

extension CatalogDocument.Document {
    /// The defaults (optional; PDF, JPEG, PNG; 20 MiB) are left out, as a file written by hand leaves them out.
    var tree: JSONTree {
        var members: [JSONTree.Member] = [
            .init(key: "code", value: .string(code)), .init(key: "names", value: .text(names)),
        ]
        if required { members.append(.init(key: "required", value: .bool(true))) }
        if mediaTypes != Catalog.Document.defaultMediaTypes {
            members.append(.init(key: "media_types", value: .array(mediaTypes.map(JSONTree.string))))
        }
        if maxBytes != Catalog.Document.defaultMaxBytes {
            members.append(.init(key: "max_bytes", value: .integer(maxBytes)))
        }
        return .object(members)
    }
}

extension CatalogDocument.Money {
    /// `amount_minor` and `currency`, as a fee and an overlay's fee write them.
    var members: [JSONTree.Member] {
        [.init(key: "amount_minor", value: .decimal(amountMinor)), .init(key: "currency", value: .string(currency))]
    }
}

extension CatalogDocument.Field {
    var tree: JSONTree {
        .object([
            "code": .string(code), "datatype": .string(datatype?.rawValue ?? ""), "required": .bool(required),
            "labels": .text(labels), "max_length": maxLength.map(JSONTree.integer),
            "min": minimum.map(JSONTree.decimal), "max": maximum.map(JSONTree.decimal),
            "choices": choices.isEmpty
                ? nil : .array(choices.map { .object(["code": .string($0.code), "labels": .text($0.labels)]) }),
        ])
    }
}

extension CatalogDocument.Stage {
    var tree: JSONTree {
        .object([
            "stage": .integer(number),
            "steps": .array(
                steps.map {
                    .object([
                        "step": .integer($0.number), "sector": .string($0.sector),
                        "office": $0.office.map(JSONTree.string),
                        "sla_days": .integer($0.slaDays),
                    ])
                }),
        ])
    }
}

extension CatalogDocument.ServiceOverlay {
    func tree(zone: TimeZone) -> JSONTree {
        .object([
            "service": .string(service), "municipality": .string(municipality),
            "valid_from": .string(CatalogInstant.text(validFrom, zone: zone)),
            "valid_to": validTo.map { .string(CatalogInstant.text($0, zone: zone)) },
            "enabled": enabled.map(JSONTree.bool),
            "sla_days": slaDays.map(JSONTree.integer), "fee": fee.map { .object($0.members) }, "note": .string(note),
        ])
    }
}

extension CatalogDocument.StepOverlay {
    func tree(zone: TimeZone) -> JSONTree {
        .object([
            "service": .string(service), "municipality": .string(municipality), "stage": .integer(stage),
            "step": .integer(step), "valid_from": .string(CatalogInstant.text(validFrom, zone: zone)),
            "valid_to": validTo.map { .string(CatalogInstant.text($0, zone: zone)) },
            "sector": sector.map(JSONTree.string), "office": office.map(JSONTree.string),
            "sla_days": slaDays.map(JSONTree.integer), "note": .string(note),
        ])
    }
}
