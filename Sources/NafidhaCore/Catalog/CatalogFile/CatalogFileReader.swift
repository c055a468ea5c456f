import Foundation
import NafidhaContract

/// Reads a parsed catalog file into a `CatalogDocument`, noting every problem of shape in `log` and reading on:
/// a thing whose own code is unreadable is left out, anything else missing is filled with an empty value, so that
/// the validation after it still finds the file's other problems (nothing is applied while any remains).
struct CatalogFileReader {
    /// Where problems go.
    let log: CatalogProblemLog

    /// The document `root` holds.
    func document(_ root: JSONNode) -> CatalogDocument {
        var document = CatalogDocument()
        guard
            let top = CatalogObjectReader(
                root, at: .root,
                allowed: [
                    "$schema", "format", "countries", "sectors", "municipalities", "offices", "services",
                    "service_overlays", "step_overlays",
                ], log: log)
        else { return document }
        _ = top.string("$schema", required: false, maximumLength: 2000)
        if let format = top.node("format") {
            if case .number(let text) = format.value {
                if Decimal(string: text) != Decimal(CatalogDocument.format) {
                    log.add(.unsupportedFormat(text), at: top.path.appending("format"))
                }
            } else {
                log.add(.wrongType(expected: .integer, found: format.kind), at: top.path.appending("format"))
            }
        }
        document.countries = top.array("countries")?.compactMap(country) ?? []
        document.sectors = top.array("sectors")?.compactMap(sector) ?? []
        document.municipalities = top.array("municipalities")?.compactMap(municipality) ?? []
        document.offices = top.array("offices")?.compactMap(office) ?? []
        document.services = top.array("services")?.compactMap(service) ?? []
        // Overlay dates are midnights in the municipality's zone: read them with the zones the file gives.
        var zones: [String: TimeZone] = [:]
        let countryZones = Dictionary(
            document.countries.map { ($0.code, TimeZone(identifier: $0.timeZone)) }, uniquingKeysWith: { a, _ in a })
        for municipality in document.municipalities {
            if let zone = countryZones[municipality.country] ?? nil { zones[municipality.code] = zone }
        }
        document.serviceOverlays = top.array("service_overlays")?.compactMap { serviceOverlay($0, zones) } ?? []
        document.stepOverlays = top.array("step_overlays")?.compactMap { stepOverlay($0, zones) } ?? []
        return document
    }

    private func country(_ element: CatalogObjectReader.Element) -> CatalogDocument.Country? {
        let (node, path) = element
        guard
            let object = CatalogObjectReader(
                node, at: path,
                allowed: [
                    "code", "names", "time_zone", "weekend", "currency", "phone", "national_id", "holiday_years",
                    "holidays",
                ], log: log),
            let code = object.code("code", .country)
        else { return nil }
        let timeZone = object.string("time_zone", maximumLength: 100)
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            log.add(.unknownTimeZone, at: path.appending("time_zone"))
        }
        let currency = object.code("currency", .currency)
        if let currency, CatalogCodes.isValid(currency, .currency), CurrencyExponent.of(currency) == nil {
            log.add(.unknownCurrency, at: path.appending("currency"))
        }
        let weekend = object.array("weekend")?.compactMap {
            CatalogObjectReader.integer($0.node, 1...7, at: $0.path, log: log)
        }
        let phone = object.object("phone", allowed: ["country_code", "national_pattern"])
        let nationalID = object.object("national_id", allowed: ["pattern", "birth_year_position", "hints"])
        let years = object.object("holiday_years", allowed: ["from", "to"])
        let first = years?.integer("from", 1900...2200)
        var last = years?.integer("to", 1900...2200)
        if let first, let to = last, !(first...first + 99).contains(to) {
            log.add(.outOfRange(first...first + 99), at: path.appending("holiday_years").appending("to"))
            last = nil
        }
        let holidays = object.array("holidays")?.compactMap(holiday) ?? []
        return CatalogDocument.Country(
            code: code, names: object.localized("names") ?? .empty, timeZone: timeZone ?? "",
            weekend: weekend ?? [], currency: currency ?? "",
            phoneCountryCode: phone?.code("country_code", .phoneCountryCode) ?? "",
            phonePattern: phone?.string("national_pattern", maximumLength: 500) ?? "",
            nationalIDPattern: nationalID?.string("pattern", maximumLength: 500) ?? "",
            birthYearPosition: nationalID?.integer("birth_year_position", 1...60, required: false),
            nationalIDHints: nationalID?.localized("hints", allowEmpty: true, maximumLength: 500) ?? .empty,
            holidayYears: (first ?? 1900)...max(first ?? 1900, last ?? 1900), holidays: holidays)
    }

    private func holiday(_ element: CatalogObjectReader.Element) -> CatalogDocument.Holiday? {
        let (node, path) = element
        guard let object = CatalogObjectReader(node, at: path, allowed: ["date", "names", "estimated"], log: log),
            let text = object.string("date", maximumLength: 10)
        else { return nil }
        guard let date = LocalDate(text) else {
            log.add(.invalidDate, at: path.appending("date"))
            return nil
        }
        return CatalogDocument.Holiday(
            date: date, names: object.localized("names") ?? .empty,
            estimated: object.bool("estimated", required: false) ?? false)
    }

    private func sector(_ element: CatalogObjectReader.Element) -> CatalogDocument.Sector? {
        let (node, path) = element
        guard let object = CatalogObjectReader(node, at: path, allowed: ["code", "names"], log: log),
            let code = object.code("code", .sector)
        else { return nil }
        return CatalogDocument.Sector(code: code, names: object.localized("names") ?? .empty)
    }

    private func municipality(_ element: CatalogObjectReader.Element) -> CatalogDocument.Municipality? {
        let (node, path) = element
        guard
            let object = CatalogObjectReader(
                node, at: path, allowed: ["code", "country", "names", "capital"], log: log),
            let code = object.code("code", .municipality)
        else { return nil }
        return CatalogDocument.Municipality(
            code: code, country: object.code("country", .country) ?? "", names: object.localized("names") ?? .empty,
            capital: object.bool("capital", required: false) ?? false)
    }

    private func office(_ element: CatalogObjectReader.Element) -> CatalogDocument.Office? {
        let (node, path) = element
        guard
            let object = CatalogObjectReader(
                node, at: path, allowed: ["code", "kind", "country", "municipality", "sector", "names"], log: log),
            let code = object.code("code", .office)
        else { return nil }
        var kind: CatalogDocument.Office.Kind?
        if let text = object.string("kind", maximumLength: 20) {
            kind = CatalogDocument.Office.Kind(rawValue: text)
            if kind == nil {
                log.add(.notOneOf(CatalogDocument.Office.Kind.allCases.map(\.rawValue)), at: path.appending("kind"))
            }
        }
        return CatalogDocument.Office(
            code: code, kind: kind, country: object.code("country", .country) ?? "",
            municipality: object.code("municipality", .municipality, required: false),
            sector: object.code("sector", .sector) ?? "", names: object.localized("names") ?? .empty)
    }
}

extension LocalizedText {
    /// Three empty texts: what stands for a text the file did not give (its problem is noted).
    static let empty = LocalizedText(ar: "", fr: "", en: "")
}
