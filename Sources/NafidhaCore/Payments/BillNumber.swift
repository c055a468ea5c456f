/// Bill numbers: `TRP-4821730955-7`, the municipality's code, ten random digits and one check character of ISO 7064
/// MOD 11-2 (`0`–`9` or `X`), which catches every single mistyped digit and every swap of two neighbours. Random,
/// so a number tells nothing of how many bills a municipality issued; unique by the database (a collision files
/// again, as a tracking number's does).
public enum BillNumber {
    /// Random digits per number.
    static let randomDigits = 10

    /// A new bill number for `municipality`.
    public static func generate(municipality: String) -> String {
        // Rejection sampling keeps the digits uniform: bytes from 250 on are drawn again.
        var digits: [Int] = []
        while digits.count < randomDigits {
            digits += SecureRandom.bytes(randomDigits).filter { $0 < 250 }.map { Int($0 % 10) }
        }
        digits = Array(digits.prefix(randomDigits))
        return municipality + "-" + digits.map(String.init).joined() + "-" + checkCharacter(for: digits)
    }

    /// The number as a cashier may type it (lower case, Arabic-Indic digits) made canonical, when it is a
    /// well-formed bill number whose check character agrees; nil otherwise.
    public static func canonical(_ text: String) -> String? {
        let normalized = String(
            text.uppercased().unicodeScalars.map { scalar -> Character in
                switch scalar.value {
                case 0x660...0x669: Character(Unicode.Scalar(0x30 + scalar.value - 0x660)!)
                case 0x6F0...0x6F9: Character(Unicode.Scalar(0x30 + scalar.value - 0x6F0)!)
                default: Character(scalar)
                }
            })
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 3, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
            parts[1].count == randomDigits, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), parts[2].count == 1
        else { return nil }
        let digits = parts[1].compactMap { $0.wholeNumberValue }
        return checkCharacter(for: digits) == String(parts[2]) ? normalized : nil
    }

    /// ISO 7064 MOD 11-2: `p ← 2·(p + digit) mod 11` over the digits, then the character that brings it to 1.
    static func checkCharacter(for digits: [Int]) -> String {
        let p = digits.reduce(0) { ($0 + $1) * 2 % 11 }
        let check = (12 - p) % 11
        return check == 10 ? "X" : String(check)
    }
}
