import Foundation
import NafidhaContract

extension CatalogFileReader {
    func service(_ element: CatalogObjectReader.Element) -> CatalogDocument.Service? {
        guard
            let object = CatalogObjectReader(
                element.node, at: element.path,
                allowed: [
                    "code", "sector", "names", "descriptions", "sla_days", "public_report", "keywords", "fees",
                    "fields", "documents", "workflow", "appeal_window_days",
                ], log: log),
            let code = object.code("code", .service)
        else { return nil }
        let keywords = object.array("keywords", required: false)?.compactMap {
            CatalogObjectReader.string($0.node, at: $0.path, maximumLength: 100, log: log)
        }
        return CatalogDocument.Service(
            code: code, sector: object.code("sector", .sector) ?? "", names: object.localized("names") ?? .empty,
            descriptions: object.localized("descriptions", allowEmpty: true, maximumLength: 2000) ?? .empty,
            slaDays: object.integer("sla_days", 1...365) ?? 1,
            publicReport: object.bool("public_report", required: false) ?? false, keywords: keywords ?? [],
            fees: object.array("fees", required: false)?.compactMap(fee) ?? [],
            fields: object.array("fields", required: false)?.compactMap(field) ?? [],
            documents: object.array("documents", required: false)?.compactMap(document) ?? [],
            workflow: object.array("workflow")?.compactMap(stage) ?? [],
            appealWindowDays: object.integer("appeal_window_days", 1...365, required: false))
    }

    private func fee(_ element: CatalogObjectReader.Element) -> CatalogDocument.Fee? {
        guard
            let object = CatalogObjectReader(
                element.node, at: element.path, allowed: ["country", "amount_minor", "currency"], log: log),
            let country = object.code("country", .country), let amount = money(object)
        else { return nil }
        return CatalogDocument.Fee(country: country, amount: amount)
    }

    /// `amount_minor` and `currency` of `object`.
    private func money(_ object: CatalogObjectReader) -> CatalogDocument.Money? {
        guard let amount = object.decimal("amount_minor"), let currency = object.code("currency", .currency) else {
            return nil
        }
        return CatalogDocument.Money(amountMinor: amount, currency: currency)
    }

    private func field(_ element: CatalogObjectReader.Element) -> CatalogDocument.Field? {
        guard
            let object = CatalogObjectReader(
                element.node, at: element.path,
                allowed: ["code", "datatype", "required", "labels", "max_length", "min", "max", "choices"], log: log),
            let code = object.code("code", .field)
        else { return nil }
        var datatype: Catalog.FieldDatatype?
        if let text = object.string("datatype", maximumLength: 40) {
            datatype = Catalog.FieldDatatype(rawValue: text)
            if datatype == nil {
                log.add(
                    .notOneOf(Catalog.FieldDatatype.allCases.map(\.rawValue)), at: element.path.appending("datatype"))
            }
        }
        return CatalogDocument.Field(
            code: code, datatype: datatype, required: object.bool("required", required: false) ?? false,
            labels: object.localized("labels") ?? .empty,
            maxLength: object.integer("max_length", 1...10_000, required: false),
            minimum: object.decimal("min", required: false), maximum: object.decimal("max", required: false),
            choices: object.array("choices", required: false)?.compactMap(choice) ?? [])
    }

    private func choice(_ element: CatalogObjectReader.Element) -> CatalogDocument.Choice? {
        guard let object = CatalogObjectReader(element.node, at: element.path, allowed: ["code", "labels"], log: log),
            let code = object.code("code", .choice)
        else { return nil }
        return CatalogDocument.Choice(code: code, labels: object.localized("labels") ?? .empty)
    }

    private func document(_ element: CatalogObjectReader.Element) -> CatalogDocument.Document? {
        guard
            let object = CatalogObjectReader(
                element.node, at: element.path, allowed: ["code", "names", "required", "media_types", "max_bytes"],
                log: log),
            let code = object.code("code", .document)
        else { return nil }
        var document = CatalogDocument.Document(code: code, names: object.localized("names") ?? .empty)
        document.required = object.bool("required", required: false) ?? false
        if let types = object.array("media_types", required: false) {
            document.mediaTypes = types.compactMap { element in
                guard let type = CatalogObjectReader.string(element.node, at: element.path, log: log) else {
                    return nil
                }
                guard Catalog.Document.knownMediaTypes.contains(type) else {
                    log.add(.notOneOf(Catalog.Document.knownMediaTypes), at: element.path)
                    return nil
                }
                return type
            }
            if types.isEmpty { log.add(.missingMember("media_types"), at: element.path.appending("media_types")) }
        }
        document.maxBytes = object.integer("max_bytes", 1...(1 << 30), required: false) ?? document.maxBytes
        return document
    }

    private func stage(_ element: CatalogObjectReader.Element) -> CatalogDocument.Stage? {
        guard let object = CatalogObjectReader(element.node, at: element.path, allowed: ["stage", "steps"], log: log),
            let number = object.integer("stage", 1...50)
        else { return nil }
        return CatalogDocument.Stage(number: number, steps: object.array("steps")?.compactMap(step) ?? [])
    }

    private func step(_ element: CatalogObjectReader.Element) -> CatalogDocument.Step? {
        guard
            let object = CatalogObjectReader(
                element.node, at: element.path, allowed: ["step", "sector", "office", "sla_days"], log: log),
            let number = object.integer("step", 1...50)
        else { return nil }
        return CatalogDocument.Step(
            number: number, sector: object.code("sector", .sector) ?? "",
            office: object.code("office", .office, required: false), slaDays: object.integer("sla_days", 1...365) ?? 1)
    }

    func serviceOverlay(_ element: CatalogObjectReader.Element, _ zones: [String: TimeZone])
        -> CatalogDocument.ServiceOverlay?
    {
        guard
            let object = CatalogObjectReader(
                element.node, at: element.path,
                allowed: ["service", "municipality", "valid_from", "valid_to", "enabled", "sla_days", "fee", "note"],
                log: log),
            let service = object.code("service", .service),
            let municipality = object.code("municipality", .municipality)
        else { return nil }
        let validity = self.validity(object, zone: zones[municipality])
        let fee = object.object("fee", allowed: ["amount_minor", "currency"], required: false).flatMap(money)
        return CatalogDocument.ServiceOverlay(
            service: service, municipality: municipality, validFrom: validity.from, validTo: validity.to,
            enabled: object.bool("enabled", required: false),
            slaDays: object.integer("sla_days", 1...365, required: false),
            fee: fee, note: object.string("note", required: false, allowEmpty: true, maximumLength: 1000) ?? "")
    }

    func stepOverlay(_ element: CatalogObjectReader.Element, _ zones: [String: TimeZone])
        -> CatalogDocument.StepOverlay?
    {
        guard
            let object = CatalogObjectReader(
                element.node, at: element.path,
                allowed: [
                    "service", "municipality", "stage", "step", "valid_from", "valid_to", "sector", "office",
                    "sla_days",
                    "note",
                ], log: log),
            let service = object.code("service", .service),
            let municipality = object.code("municipality", .municipality)
        else { return nil }
        let validity = self.validity(object, zone: zones[municipality])
        return CatalogDocument.StepOverlay(
            service: service, municipality: municipality, stage: object.integer("stage", 1...50) ?? 1,
            step: object.integer("step", 1...50) ?? 1, validFrom: validity.from, validTo: validity.to,
            sector: object.code("sector", .sector, required: false),
            office: object.code("office", .office, required: false),
            slaDays: object.integer("sla_days", 1...365, required: false),
            note: object.string("note", required: false, allowEmpty: true, maximumLength: 1000) ?? "")
    }

    /// `valid_from` and `valid_to` in microseconds. Without the municipality's zone (an unknown municipality, noted
    /// elsewhere) a date cannot be placed: only the forms are checked, and the overlay reads as always in force.
    private func validity(_ object: CatalogObjectReader, zone: TimeZone?) -> (from: Int64, to: Int64?) {
        func instant(_ key: String, required: Bool) -> Int64? {
            guard let text = object.string(key, required: required, maximumLength: 40) else { return nil }
            guard let value = CatalogInstant.microseconds(text, zone: zone ?? .gmt) else {
                log.add(.invalidInstant, at: object.path.appending(key))
                return nil
            }
            return value
        }
        let from = instant("valid_from", required: true)
        let to = instant("valid_to", required: false)
        return zone == nil ? (0, nil) : (from ?? 0, to)
    }
}
