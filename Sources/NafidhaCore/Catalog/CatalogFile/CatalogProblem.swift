import NafidhaContract

/// One problem of a catalog file: where it is (a JSON path and, when the file shows it, a line and column) and why,
/// in Arabic, French and English. Validation collects every problem of a file before anything is applied.
public struct CatalogProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where in the document.
    public var path: JSONPath
    /// Where in the file, when known (not for a value the database holds).
    public var position: SourcePosition?
    /// Why.
    public var reason: Reason

    /// A problem at `path`; its position is filled in from the file later.
    public init(_ reason: Reason, at path: JSONPath, position: SourcePosition? = nil) {
        self.reason = reason
        self.path = path
        self.position = position
    }

    /// What is wrong, in each language.
    public var message: LocalizedText { reason.message }

    /// `12:7 $.services[2].sector: No sector has the code ‘x’.` in English.
    public var description: String {
        // Spelled out: `position.map { ... } ?? ""` here crashes the Swift 6.3 compiler (MandatoryAllocBoxToStack).
        var text = ""
        if let position { text = position.description + " " }
        return text + path.description + ": " + message.en
    }

    /// Why a catalog file is refused.
    public enum Reason: Sendable, Equatable {
        // The file as a whole.
        /// The file is larger than a catalog file may be.
        case tooLarge(bytes: Int, limit: Int)
        /// The file is not JSON.
        case syntax(JSONSyntaxError.Reason)
        /// `format` names a version this nafidha does not read.
        case unsupportedFormat(String)
        // The shape of values.
        /// A value of the wrong kind.
        case wrongType(expected: Expected, found: JSONKind)
        /// A required member is missing.
        case missingMember(String)
        /// A member the format does not have (a misspelling, usually).
        case unknownMember(String)
        /// An object names the same member twice.
        case repeatedMember(String)
        /// A text that must say something is empty.
        case emptyText
        /// A text longer than allowed, in characters.
        case textTooLong(maximum: Int)
        /// A whole number outside its range.
        case outOfRange(ClosedRange<Int>)
        /// A number that must be whole is not.
        case notWholeNumber
        /// A number too large or too precise to keep exactly.
        case numberOutOfRange
        /// A code that does not have its kind's form.
        case invalidCode(CodeKind)
        /// A word that is not one of the allowed ones.
        case notOneOf([String])
        /// Not a `YYYY-MM-DD` date that exists.
        case invalidDate
        /// Neither a date nor an RFC 3339 instant with a zone.
        case invalidInstant
        /// A pattern that does not start with `^` and end with `$`.
        case unanchoredPattern
        /// A pattern that does not compile.
        case invalidPattern
        /// A time zone the IANA database does not know.
        case unknownTimeZone
        /// An ISO 4217 code not known, or whose minor units the database cannot keep.
        case unknownCurrency
        // The catalog's consistency.
        /// A second thing with the same code (or date, or number) where they must differ.
        case duplicate(CodeKind, String)
        /// A reference to something the file does not have.
        case unknownReference(CodeKind, String)
        /// A fee in another currency than its country's.
        case currencyMismatch(expected: String)
        /// A fee with a fraction of the currency's minor unit: too many decimals for the currency.
        case feePrecision(currency: String, exponent: Int)
        /// A holiday outside the years its country declares.
        case holidayOutsideYears(ClosedRange<Int>)
        /// A weekend that repeats a day or leaves no working day.
        case invalidWeekend
        /// Choices on a field that takes none.
        case choicesNotAllowed(datatype: String)
        /// A choice field without choices.
        case choicesRequired
        /// `max_length` on a field other than `string` or `text`.
        case maxLengthNotAllowed(datatype: String)
        /// `min` or `max` on a field other than `number`.
        case boundsNotAllowed(datatype: String)
        /// `min` above `max`.
        case minimumAboveMaximum
        /// A municipal office without a municipality.
        case municipalOfficeNeedsMunicipality
        /// A special office with a municipality.
        case specialOfficeHasMunicipality
        /// An office or overlay pointing at a municipality or office of another country.
        case otherCountry(expected: String)
        /// A second municipal office for one municipality and sector.
        case secondMunicipalOffice(municipality: String, sector: String)
        /// An office named for a step serves another sector.
        case officeOfOtherSector(office: String, sector: String)
        /// A step overlay for a step the service's workflow does not have.
        case noSuchStep(stage: Int, step: Int)
        /// Two overlays of one target in force at the same time.
        case overlaps(JSONPath)
        /// An overlay that changes nothing.
        case emptyOverlay
        /// `valid_to` not after `valid_from`.
        case endsBeforeStart
        /// A workflow without stages, or a stage without steps.
        case emptyWorkflow
        // Against the live catalog.
        /// Something the file leaves out that the database still needs.
        case inUse(CodeKind, String, [Use])
        /// A refusal by one of the database's constraints that the validation did not foresee, in its words.
        case databaseRefused(String)
    }

    /// The kinds of value the format expects.
    public enum Expected: Sendable, Equatable {
        case string, integer, number, boolean, array, object
    }

    /// The kinds of codes and keys the catalog has.
    public enum CodeKind: Sendable, Equatable {
        case country, municipality, sector, office, service, field, choice, document, holiday, fee, stage, step
        case currency, phoneCountryCode
    }

    /// What still refers to something removed from the catalog.
    public enum Use: Sendable, Equatable {
        case requests(Int)
        case tasks(Int)
        case staff(Int)
        case auditTrail
        case disabledServices(Int)
    }
}
