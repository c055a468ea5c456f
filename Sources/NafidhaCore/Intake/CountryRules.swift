import Foundation

/// A country's rules for national ids and phone numbers, as the `countries` table keeps them, with the patterns
/// compiled once.
struct CountryRules: Sendable {
    /// ISO 3166-1 alpha-2 code.
    let country: String
    /// The E.164 country calling code, digits only (`218`).
    let phoneCountryCode: String
    /// The 1-based position of a 4-digit birth year inside the id, when it has one.
    let birthYearPosition: Int?
    /// The country's time zone, for "the current year" of a birth year check.
    let timeZone: String

    /// An anchored regex over the national significant number.
    private let phoneNational: CompiledPattern
    /// An anchored regex over the national id's ASCII digits.
    private let nationalIDDigits: CompiledPattern

    /// Rules with their patterns compiled.
    init(
        country: String, phoneCountryCode: String, phoneNationalPattern: String, nationalIDPattern: String,
        birthYearPosition: Int?, timeZone: String
    ) {
        self.country = country
        self.phoneCountryCode = phoneCountryCode
        phoneNational = CompiledPattern(phoneNationalPattern)
        nationalIDDigits = CompiledPattern(nationalIDPattern)
        self.birthYearPosition = birthYearPosition
        self.timeZone = timeZone
    }

    /// Longest national id or phone input read; longer input is refused before any regex runs.
    static let maximumInputLength = 40

    /// The national id in ASCII digits, or why it is refused.
    func nationalID(_ input: String, at instant: Date) -> Result<String, Refusal> {
        let digits = Self.compact(input)
        guard digits.count <= Self.maximumInputLength, Digits.areASCIIDigits(digits),
            nationalIDDigits.wholeMatches(digits)
        else {
            return .failure(Refusal(.invalidNationalID))
        }
        if let position = birthYearPosition {
            let start = digits.index(digits.startIndex, offsetBy: position - 1, limitedBy: digits.endIndex)
            guard let start, let end = digits.index(start, offsetBy: 4, limitedBy: digits.endIndex),
                let year = Int(digits[start..<end]), (1900...currentYear(at: instant)).contains(year)
            else {
                return .failure(Refusal(.invalidBirthYear))
            }
        }
        return .success(digits)
    }

    /// The phone number in E.164 (`+218912345678`), or why it is refused. Accepts the international forms
    /// (`+218…`, `00218…`), the national form with its trunk prefix (`091…`) and the bare national number.
    func phone(_ input: String) -> Result<String, Refusal> {
        var text = Self.compact(input)
        guard text.count <= Self.maximumInputLength else { return .failure(Refusal(.invalidPhone)) }
        var candidates: [Substring] = []
        if text.hasPrefix("+") {
            text.removeFirst()
            guard text.hasPrefix(phoneCountryCode) else { return .failure(Refusal(.invalidPhone)) }
            candidates = [text.dropFirst(phoneCountryCode.count)]
        } else if text.hasPrefix("00" + phoneCountryCode) {
            candidates = [text.dropFirst(2 + phoneCountryCode.count)]
        } else if text.hasPrefix("0") {
            candidates = [text.dropFirst(), Substring(text)]
        } else {
            candidates = [Substring(text)]
        }
        for national in candidates where Digits.areASCIIDigits(national) {
            let number = phoneCountryCode + national
            if number.count <= 15, phoneNational.wholeMatches(String(national)) {
                return .success("+" + number)
            }
        }
        return .failure(Refusal(.invalidPhone))
    }

    /// Digits normalised, and the separators people type inside numbers (spaces, hyphens, dots, brackets) removed.
    private static func compact(_ input: String) -> String {
        Digits.normalized(input).filter { !" \t-.()/".contains($0) && $0 != "\u{00A0}" }
    }

    private func currentYear(at instant: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        return calendar.component(.year, from: instant)
    }
}
