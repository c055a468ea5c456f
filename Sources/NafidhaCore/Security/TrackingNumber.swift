/// A request's public reference, `TRP-7KQ4-M2XD`: the municipality code, then seven random Crockford base-32
/// characters and a check character, grouped by four so it reads aloud easily.
///
/// The seven random characters (35 bits from the CSPRNG) make numbers impossible to enumerate in practice; the
/// check character (Damm's algorithm over the 32-symbol alphabet, see `checkValue`) catches every single mistyped
/// character and every swap of neighbours, so the tracking endpoints refuse a mistyped number before any lookup.
public enum TrackingNumber {
    /// Crockford's base-32 alphabet: digits and upper-case letters without I, L, O and U.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Random characters per number; the eighth is the check character.
    static let randomCharacters = 7

    /// A new random tracking number for `municipality` (a three-letter code).
    public static func generate(municipality: String) -> String {
        // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
        let values = SecureRandom.bytes(randomCharacters).map { Int($0 & 0x1f) }
        let characters = (values + [checkValue(for: values)]).map { alphabet[$0] }
        return municipality + "-" + String(characters[0..<4]) + "-" + String(characters[4..<8])
    }

    /// True when `text` is a canonical tracking number (`AAA-XXXX-XXXX`, upper case) whose check character agrees.
    public static func isWellFormed(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 13, characters[3] == "-", characters[8] == "-" else { return false }
        guard characters[0..<3].allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        let digits = (characters[4..<8] + characters[9..<13]).compactMap(value(of:))
        guard digits.count == 8 else { return false }
        return checkValue(for: Array(digits.dropLast())) == digits.last
    }

    /// The alphabet position of `character`, or nil outside the alphabet.
    static func value(of character: Character) -> Int? {
        alphabet.firstIndex(of: character)
    }

    /// The check value of Damm's scheme over GF(32): each character updates an interim value as
    /// `interim ← 2·interim ⊕ value` in GF(2⁵) (polynomial x⁵ + x² + 1), and the check value brings it back to 0.
    /// The step is a totally anti-symmetric quasigroup (2 ≠ 1 in the field), so every single substitution and
    /// every swap of two different neighbours, the check character included, changes the result.
    static func checkValue(for values: [Int]) -> Int {
        doubled(values.reduce(0) { doubled($0) ^ $1 })
    }

    /// `2·value` in GF(2⁵) modulo x⁵ + x² + 1.
    private static func doubled(_ value: Int) -> Int {
        let shifted = value << 1
        return (shifted & 0x20 != 0 ? shifted ^ 0x25 : shifted) & 0x1f
    }
}
