import Foundation
import NafidhaContract

/// Checks and normalises one form value per its datatype. Each function returns the value to store or the reason
/// it is refused; none throws, so a submission can collect every problem.
struct FieldValidator: Sendable {
    /// The rules of the municipality's country, for national ids and phones.
    var rules: CountryRules
    /// The submission instant (the birth year of a national id may not lie after its year).
    var instant: Date

    /// Longest numeric string read as a number.
    static let maximumNumberLength = 40
    /// Characters a `string` may hold when the catalog sets no limit.
    static let defaultStringLength = 200
    /// Characters a `text` may hold when the catalog sets no limit.
    static let defaultTextLength = 4000
    /// Characters an email address may hold (RFC 5321's path limit).
    static let maximumEmailLength = 254
    /// Characters a location's address may hold.
    static let maximumAddressLength = 500

    /// The normalised value of `value` for `field`.
    func validate(_ value: JSONValue, as field: FormField) -> Result<JSONValue, Refusal> {
        switch field.datatype {
        case .string:
            return Self.text(value, limit: field.maxLength ?? Self.defaultStringLength, as: .line)
                .map(JSONValue.string)
        case .text:
            return Self.text(value, limit: field.maxLength ?? Self.defaultTextLength, as: .text)
                .map(JSONValue.string)
        case .number:
            return Self.number(
                value, minimum: field.minValue.map(Self.double), maximum: field.maxValue.map(Self.double)
            )
            .map(JSONValue.number)
        case .date:
            return Self.date(value).map(JSONValue.string)
        case .singleChoice:
            guard case .string(let code) = value else { return .failure(Refusal(.mustBeString)) }
            return field.choices.contains { $0.code == code }
                ? .success(.string(code)) : .failure(Refusal(.unknownChoice))
        case .multipleChoice:
            return Self.choices(value, known: Set(field.choices.map(\.code)), required: field.required)
        case .nationalID:
            guard case .string(let text) = value else { return .failure(Refusal(.mustBeString)) }
            return rules.nationalID(text, at: instant).map(JSONValue.string)
        case .phone:
            guard case .string(let text) = value else { return .failure(Refusal(.mustBeString)) }
            return rules.phone(text).map(JSONValue.string)
        case .email:
            return Self.email(value).map(JSONValue.string)
        case .location:
            return Self.location(value)
        }
    }

    /// A string checked and normalised by the one text policy (`TextPolicy`) as `kind`, within `limit`
    /// characters counted as Unicode scalars (as PostgreSQL's `char_length` counts).
    static func text(_ value: JSONValue, limit: Int, as kind: TextPolicy.Kind) -> Result<String, Refusal> {
        guard case .string(let raw) = value else { return .failure(Refusal(.mustBeString)) }
        return TextPolicy.check(raw, as: kind, limit: limit)
    }

    /// A JSON number or a numeric string (Arabic-Indic digits accepted), within the field's bounds.
    static func number(_ value: JSONValue, minimum: Double?, maximum: Double?) -> Result<Double, Refusal> {
        let number: Double
        switch value {
        case .number(let given):
            number = given
        case .string(let text):
            let normalized = Digits.normalized(text).trimmingCharacters(in: .whitespaces)
            guard normalized.count <= maximumNumberLength, isDecimal(normalized), let parsed = Double(normalized) else {
                return .failure(Refusal(.notANumber))
            }
            number = parsed
        default:
            return .failure(Refusal(.notANumber))
        }
        guard number.isFinite else { return .failure(Refusal(.notANumber)) }
        if let minimum, number < minimum { return .failure(Refusal(.atLeast(display(minimum)))) }
        if let maximum, number > maximum { return .failure(Refusal(.atMost(display(maximum)))) }
        return .success(number)
    }

    /// A real calendar date written `YYYY-MM-DD`.
    static func date(_ value: JSONValue) -> Result<String, Refusal> {
        guard case .string(let raw) = value else { return .failure(Refusal(.notADate)) }
        let text = Digits.normalized(raw)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ Digits.areASCIIDigits($0) }),
            let date = LocalDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
        else {
            return .failure(Refusal(.notADate))
        }
        return .success(date.description)
    }

    /// A list of distinct known choice codes; a required field needs at least one.
    static func choices(_ value: JSONValue, known: Set<String>, required: Bool) -> Result<JSONValue, Refusal> {
        guard case .array(let items) = value else { return .failure(Refusal(.mustBeArray)) }
        var seen: [String] = []
        for item in items {
            guard case .string(let code) = item else { return .failure(Refusal(.mustBeString)) }
            guard known.contains(code) else { return .failure(Refusal(.unknownChoice)) }
            guard !seen.contains(code) else { return .failure(Refusal(.duplicateChoice)) }
            seen.append(code)
        }
        if required && seen.isEmpty { return .failure(Refusal(.required)) }
        return .success(.array(seen.map(JSONValue.string)))
    }

    /// A sane address: one `@`, a non-empty local part of at most 64 characters, a dotted domain of letters,
    /// digits and hyphens, no spaces or control characters, 254 characters at most.
    static func email(_ value: JSONValue) -> Result<String, Refusal> {
        guard case .string(let raw) = value else { return .failure(Refusal(.mustBeString)) }
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.unicodeScalars.count <= maximumEmailLength, parts.count == 2, !parts[0].isEmpty,
            parts[0].count <= 64, parts[0].unicodeScalars.allSatisfy(isLocalPartScalar),
            !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..")
        else {
            return .failure(Refusal(.invalidEmail))
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0 == "-" || $0.isLetter || $0.isNumber }
            })
        else {
            return .failure(Refusal(.invalidEmail))
        }
        return .success(text)
    }

    /// Visible characters other than the ones RFC 5322 reserves around an address (`TextPolicy.isVisible`: no
    /// bidirectional formatting, no invisible character, no noncharacter).
    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x20 && TextPolicy.isVisible(scalar) && !scalar.properties.isNoncharacterCodePoint
            && !"()<>[]\\,;:\"".unicodeScalars.contains(scalar)
    }

    /// `{"lat","long"}` in range, and/or a non-empty `address`; stored with only those members.
    static func location(_ value: JSONValue) -> Result<JSONValue, Refusal> {
        guard case .object(let members) = value else { return .failure(Refusal(.mustBeObject)) }
        guard Set(members.keys).isSubset(of: ["lat", "long", "address"]) else {
            return .failure(Refusal(.invalidLocation))
        }
        var result: [String: JSONValue] = [:]
        switch (members["lat"], members["long"]) {
        case (nil, nil), (.null?, .null?):
            break
        case (let latitude?, let longitude?):
            guard case .success(let lat) = number(latitude, minimum: nil, maximum: nil),
                case .success(let long) = number(longitude, minimum: nil, maximum: nil)
            else {
                return .failure(Refusal(.notANumber))
            }
            guard (-90...90).contains(lat) else { return .failure(Refusal(.latitudeOutOfRange)) }
            guard (-180...180).contains(long) else { return .failure(Refusal(.longitudeOutOfRange)) }
            result["lat"] = .number(lat)
            result["long"] = .number(long)
        default:
            return .failure(Refusal(.invalidLocation))
        }
        if let address = members["address"], address != .null {
            switch text(address, limit: maximumAddressLength, as: .line) {
            case .success(let text): result["address"] = .string(text)
            case .failure(let reason): return .failure(reason)
            }
        }
        return result.isEmpty ? .failure(Refusal(.invalidLocation)) : .success(.object(result))
    }

    /// `[+-]digits[.digits]`: what a citizen means by a number, without exponents, hex or "nan".
    private static func isDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, Digits.areASCIIDigits(parts[0]) else { return false }
        return parts.count == 1 || Digits.areASCIIDigits(parts[1])
    }

    private static func double(_ decimal: Decimal) -> Double {
        NSDecimalNumber(decimal: decimal).doubleValue
    }

    private static func display(_ bound: Double) -> String {
        bound == bound.rounded() && abs(bound) < 1e15 ? String(Int64(bound)) : String(bound)
    }
}
