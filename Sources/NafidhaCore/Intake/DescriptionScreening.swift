import Foundation

/// Whether a description looks like it holds a national id or a phone number (docs/open311.md, "Moderation"): such
/// a description is held from the public views until a clerk looks. It tests, with the municipality's country
/// rules the intake uses for the applicant's own id and phone, every run of digits in the text (with the separators
/// people type inside numbers, and a leading `+`), and each of its space-separated parts.
enum DescriptionScreening {
    /// Digits a run needs before it is tested (shorter ones are house numbers, dates, amounts).
    static let minimumDigits = 6

    /// True when some run of digits in `text` is a valid phone or national id by `rules` at `instant`.
    static func holdsPersonalData(_ text: String, rules: CountryRules, at instant: Date) -> Bool {
        for run in runs(in: Digits.normalized(text)) {
            let parts = [run] + run.split(separator: " ").map(String.init)
            for part in parts where part.filter(\.isASCIIDigit).count >= minimumDigits {
                if case .success = rules.phone(part) { return true }
                if case .success = rules.nationalID(part, at: instant) { return true }
            }
        }
        return false
    }

    /// The maximal runs of digits and in-number separators (` -.()/`), each starting with a digit or `+` and
    /// ending with a digit.
    static func runs(in text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        func close() {
            while let last = current.last, !last.isASCIIDigit { current.removeLast() }
            if current.contains(where: \.isASCIIDigit) { runs.append(current) }
            current = ""
        }
        for character in text {
            if character.isASCIIDigit || (character == "+" && current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty && " -.()/".contains(character) {
                current.append(character)
            } else {
                close()
            }
        }
        close()
        return runs
    }
}

extension Character {
    /// 0 to 9 in ASCII.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
