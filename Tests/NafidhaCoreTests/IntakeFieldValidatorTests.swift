import Foundation
import NafidhaContract
import Testing

@testable import NafidhaCore

@Suite("Intake field validation")
struct IntakeFieldValidatorTests {
    static let libya = CountryRules(
        country: "LY", phoneCountryCode: "218", phoneNationalPattern: "^(9[1-6][0-9]{7}|[2-8][0-9]{8})$",
        nationalIDPattern: "^[12](19|20)[0-9]{9}$", birthYearPosition: 2, timeZone: "Africa/Tripoli"
    )
    static let djibouti = CountryRules(
        country: "DJ", phoneCountryCode: "253", phoneNationalPattern: "^(77|21|27)[0-9]{6}$",
        nationalIDPattern: "^[0-9]{8,12}$", birthYearPosition: nil, timeZone: "Africa/Djibouti"
    )
    static let now = Date(timeIntervalSince1970: 1_789_977_600)  // 2026-09-21

    static func field(
        _ datatype: Catalog.FieldDatatype, required: Bool = true, maxLength: Int? = nil, minimum: Decimal? = nil,
        maximum: Decimal? = nil, choices: [String] = []
    ) -> FormField {
        let label = LocalizedText(ar: "ح", fr: "c", en: "f")
        return FormField(
            code: "f", datatype: datatype, required: required, labels: label,
            choices: choices.map { FormField.Choice(code: $0, labels: label) }, maxLength: maxLength,
            minValue: minimum, maxValue: maximum
        )
    }

    static func check(_ value: JSONValue, _ field: FormField, rules: CountryRules = libya) -> JSONValue? {
        try? FieldValidator(rules: rules, instant: now).validate(value, as: field).get()
    }

    @Test("a string is trimmed and limited in characters, not bytes")
    func stringsCountCharacters() {
        #expect(Self.check(.string("  سلام  "), Self.field(.string, maxLength: 4)) == .string("سلام"))
        #expect(Self.check(.string("سلامة"), Self.field(.string, maxLength: 4)) == nil)
        #expect(Self.check(.string("   "), Self.field(.string)) == nil)
        #expect(Self.check(.number(5), Self.field(.string)) == nil)
        #expect(Self.check(.string(String(repeating: "a", count: 201)), Self.field(.string)) == nil)
    }

    @Test("a string refuses every control character and a text allows only newline and tab")
    func controlCharacters() {
        #expect(Self.check(.string("a\nb"), Self.field(.string)) == nil)
        #expect(Self.check(.string("a\u{0}b"), Self.field(.string)) == nil)
        #expect(Self.check(.string("line one\n\tline two"), Self.field(.text)) == .string("line one\n\tline two"))
        #expect(Self.check(.string("bell\u{7}"), Self.field(.text)) == nil)
        #expect(Self.check(.string("esc\u{1B}[31m"), Self.field(.text)) == nil)
        #expect(Self.check(.string("c1\u{85}"), Self.field(.text)) == nil)
    }

    @Test(
        "numbers come as JSON numbers or numeric strings, Arabic-Indic digits normalised, within bounds",
        arguments: [
            (JSONValue.number(3), 3.0), (.string("3"), 3.0), (.string("٣"), 3.0), (.string("۱۲"), 12.0),
            (.string(" 2.5 "), 2.5), (.string("٢٫٥"), 2.5), (.number(30), 30.0),
        ])
    func numbersAccepted(value: JSONValue, expected: Double) {
        #expect(Self.check(value, Self.field(.number, minimum: 1, maximum: 30)) == .number(expected))
    }

    @Test(
        "numbers outside bounds, non-numeric strings and other types are refused",
        arguments: [
            JSONValue.number(0), .number(31), .string("abc"), .string("1e3"), .string("0x10"), .string("nan"),
            .string("1.2.3"), .string(""), .bool(true), .array([.number(1)]), .string("٣١"),
        ])
    func numbersRefused(value: JSONValue) {
        #expect(Self.check(value, Self.field(.number, minimum: 1, maximum: 30)) == nil)
    }

    @Test("dates must be real dates written YYYY-MM-DD")
    func dates() {
        #expect(Self.check(.string("2024-02-29"), Self.field(.date)) == .string("2024-02-29"))
        #expect(Self.check(.string("٢٠٢٦-٠٩-٢١"), Self.field(.date)) == .string("2026-09-21"))
        for refused in ["2026-02-29", "2026-13-01", "2026-9-1", "21/09/2026", "2026-09-21T10:00:00Z", ""] {
            #expect(Self.check(.string(refused), Self.field(.date)) == nil, "\(refused)")
        }
        #expect(Self.check(.number(20_260_921), Self.field(.date)) == nil)
    }

    @Test("a single choice is one known code")
    func singleChoice() {
        let field = Self.field(.singleChoice, choices: ["a", "b"])
        #expect(Self.check(.string("a"), field) == .string("a"))
        #expect(Self.check(.string("c"), field) == nil)
        #expect(Self.check(.array([.string("a")]), field) == nil)
    }

    @Test("a multiple choice is a list of distinct known codes, at least one when required")
    func multipleChoice() {
        let field = Self.field(.multipleChoice, choices: ["a", "b", "c"])
        #expect(Self.check(.array([.string("c"), .string("a")]), field) == .array([.string("c"), .string("a")]))
        #expect(Self.check(.array([.string("a"), .string("a")]), field) == nil)
        #expect(Self.check(.array([.string("z")]), field) == nil)
        #expect(Self.check(.array([]), field) == nil)
        #expect(Self.check(.string("a"), field) == nil)
        #expect(Self.check(.array([]), Self.field(.multipleChoice, required: false, choices: ["a"])) == .array([]))
    }

    @Test(
        "a Libyan national id has 12 digits, starts with 1 or 2, then a birth year up to this year",
        arguments: [
            ("119850123456", "119850123456"), ("٢٢٠٠٠١٢٣٤٥٦٧", "220001234567"), ("1 1985 0123 456", "119850123456"),
        ])
    func libyanNationalIDsAccepted(input: String, stored: String) {
        #expect(Self.check(.string(input), Self.field(.nationalID)) == .string(stored))
    }

    @Test(
        "malformed national ids and impossible birth years are refused",
        arguments: [
            "319850123456", "11985012345", "1198501234567", "118990123456", "120990123456", "abc", "",
        ])
    func libyanNationalIDsRefused(input: String) {
        #expect(Self.check(.string(input), Self.field(.nationalID)) == nil)
    }

    @Test(
        "Libyan phones in international, 00 and national forms become E.164",
        arguments: [
            "+218912345678", "00218912345678", "0912345678", "091-234-5678", "٠٩١٢٣٤٥٦٧٨", "+218 21 3334444",
            "912345678",
        ])
    func libyanPhonesAccepted(input: String) {
        let stored = Self.check(.string(input), Self.field(.phone))
        #expect(stored == .string("+218912345678") || stored == .string("+218213334444"))
    }

    @Test(
        "phones of another country or outside the national plan are refused",
        arguments: [
            "+33612345678", "0971234567", "12", "+2189123456789", "phone", "+21891234567x",
        ])
    func libyanPhonesRefused(input: String) {
        #expect(Self.check(.string(input), Self.field(.phone)) == nil)
    }

    @Test("Djiboutian phones and ids follow Djibouti's rules")
    func djiboutianRules() {
        #expect(Self.check(.string("77 12 34 56"), Self.field(.phone), rules: Self.djibouti) == .string("+25377123456"))
        #expect(
            Self.check(.string("+25377123456"), Self.field(.phone), rules: Self.djibouti) == .string("+25377123456"))
        #expect(Self.check(.string("0912345678"), Self.field(.phone), rules: Self.djibouti) == nil)
        #expect(Self.check(.string("12345678"), Self.field(.nationalID), rules: Self.djibouti) == .string("12345678"))
        #expect(Self.check(.string("1234567"), Self.field(.nationalID), rules: Self.djibouti) == nil)
    }

    @Test("emails need one @, a local part and a dotted domain, 254 characters at most")
    func emails() {
        #expect(Self.check(.string(" amal@example.ly "), Self.field(.email)) == .string("amal@example.ly"))
        #expect(
            Self.check(.string("a.b+tag@sub.example.org"), Self.field(.email)) == .string("a.b+tag@sub.example.org"))
        let long = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 190) + ".ly"
        for refused in [
            "amal", "amal@", "@example.ly", "a@b@c.ly", "amal@example", "a m@example.ly",
            "amal@exa_mple.ly", "amal@.ly", "a..b@example.ly", long,
        ] {
            #expect(Self.check(.string(refused), Self.field(.email)) == nil, "\(refused)")
        }
    }

    @Test("a location has lat and long in range, or an address, and nothing else")
    func locations() {
        #expect(
            Self.check(.object(["lat": .number(32.9), "long": .number(13.2)]), Self.field(.location))
                == .object(["lat": .number(32.9), "long": .number(13.2)]))
        #expect(
            Self.check(.object(["address": .string(" Sharia Omar Mukhtar ")]), Self.field(.location))
                == .object(["address": .string("Sharia Omar Mukhtar")]))
        #expect(
            Self.check(
                .object(["lat": .string("٣٢٫٩"), "long": .number(13.2), "address": .string("x")]),
                Self.field(.location))
                == .object(["lat": .number(32.9), "long": .number(13.2), "address": .string("x")]))
        for refused: JSONValue in [
            .object([:]), .object(["lat": .number(91), "long": .number(0)]),
            .object(["lat": .number(0), "long": .number(-181)]),
            .object(["lat": .number(1)]), .object(["address": .string("  ")]),
            .object(["address": .string("x"), "zip": .string("1")]),
            .string("Tripoli"),
        ] {
            #expect(Self.check(refused, Self.field(.location)) == nil, "\(refused)")
        }
    }
}
