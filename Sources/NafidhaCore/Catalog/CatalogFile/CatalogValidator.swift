import Foundation

/// Checks what a catalog file says against itself: codes unique, every reference known, fees in their country's
/// currency and minor units, field options matching their datatype, workflows whole, overlays within their target
/// and never overlapping. Each problem is noted with its path (the document's arrays keep the file's order, so an
/// element's index is its place in the file). What the database still needs (a municipality with requests, ...) is
/// checked against the live catalog when the change is computed (`CatalogApplier`).
struct CatalogValidator {
    let document: CatalogDocument
    let log: CatalogProblemLog

    let countries: [String: CatalogDocument.Country]
    let sectors: Set<String>
    let municipalities: [String: CatalogDocument.Municipality]
    let offices: [String: CatalogDocument.Office]
    let services: [String: CatalogDocument.Service]
    /// Municipalities whose country's time zone is known: only their overlays' dates could be read.
    let zoned: Set<String>

    /// A validator of `document` noting into `log`.
    init(_ document: CatalogDocument, log: CatalogProblemLog) {
        self.document = document
        self.log = log
        countries = Dictionary(document.countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        sectors = Set(document.sectors.map(\.code))
        municipalities = Dictionary(
            document.municipalities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        offices = Dictionary(document.offices.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        services = Dictionary(document.services.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        zoned = Set(document.municipalityZones.keys)
    }

    /// Notes every problem of the document.
    func validate() {
        checkCountries()
        unique(document.sectors.map(\.code), .sector, at: JSONPath.root.appending("sectors"), member: "code")
        checkMunicipalities()
        checkOffices()
        checkServices()
        checkServiceOverlays()
        checkStepOverlays()
    }

    private func checkCountries() {
        let path = JSONPath.root.appending("countries")
        unique(document.countries.map(\.code), .country, at: path, member: "code")
        for (index, country) in document.countries.enumerated() {
            let here = path.appending(index)
            if Set(country.weekend).count != country.weekend.count || country.weekend.count >= 7 {
                log.add(.invalidWeekend, at: here.appending("weekend"))
            }
            checkPattern(country.phonePattern, at: here.appending("phone").appending("national_pattern"))
            checkPattern(country.nationalIDPattern, at: here.appending("national_id").appending("pattern"))
            let holidays = here.appending("holidays")
            unique(country.holidays.map(\.date.description), .holiday, at: holidays, member: "date")
            for (day, holiday) in country.holidays.enumerated()
            where !country.holidayYears.contains(holiday.date.year) {
                log.add(.holidayOutsideYears(country.holidayYears), at: holidays.appending(day).appending("date"))
            }
        }
    }

    private func checkMunicipalities() {
        let path = JSONPath.root.appending("municipalities")
        unique(document.municipalities.map(\.code), .municipality, at: path, member: "code")
        for (index, municipality) in document.municipalities.enumerated() {
            known(municipality.country, in: countries.keys, .country, at: path.appending(index).appending("country"))
        }
    }

    private func checkOffices() {
        let path = JSONPath.root.appending("offices")
        unique(document.offices.map(\.code), .office, at: path, member: "code")
        var municipal: Set<[String]> = []
        for (index, office) in document.offices.enumerated() {
            let here = path.appending(index)
            known(office.country, in: countries.keys, .country, at: here.appending("country"))
            known(office.sector, in: sectors, .sector, at: here.appending("sector"))
            switch (office.kind, office.municipality) {
            case (.municipal, nil): log.add(.municipalOfficeNeedsMunicipality, at: here)
            case (.special, .some): log.add(.specialOfficeHasMunicipality, at: here.appending("municipality"))
            case (.municipal, .some(let code)):
                guard known(code, in: municipalities.keys, .municipality, at: here.appending("municipality")) else {
                    break
                }
                if let country = municipalities[code]?.country, country != office.country {
                    log.add(.otherCountry(expected: country), at: here.appending("country"))
                }
                if !municipal.insert([code, office.sector]).inserted {
                    log.add(.secondMunicipalOffice(municipality: code, sector: office.sector), at: here)
                }
            default: break
            }
        }
    }

    /// Notes a second occurrence of each value of `values` (the `member` of the elements of the array at `path`).
    func unique(_ values: [String], _ kind: CatalogProblem.CodeKind, at path: JSONPath, member: String) {
        var seen: Set<String> = []
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            log.add(.duplicate(kind, value), at: path.appending(index).appending(member))
        }
    }

    /// Whether `code` is among `codes`; noted at `path` when not.
    @discardableResult
    func known(
        _ code: String, in codes: some Sequence<String>, _ kind: CatalogProblem.CodeKind, at path: JSONPath
    ) -> Bool {
        // An empty code is one the file did not give or could not be read: its own problem is noted already.
        guard !code.isEmpty, !codes.contains(code) else { return true }
        log.add(.unknownReference(kind, code), at: path)
        return false
    }

    /// An anchored pattern that compiles as intake will compile it (`CompiledPattern`).
    private func checkPattern(_ pattern: String, at path: JSONPath) {
        guard !pattern.isEmpty else { return }
        if !(pattern.hasPrefix("^") && pattern.hasSuffix("$")) {
            log.add(.unanchoredPattern, at: path)
        } else if (try? Regex(pattern)) == nil {
            log.add(.invalidPattern, at: path)
        }
    }
}
