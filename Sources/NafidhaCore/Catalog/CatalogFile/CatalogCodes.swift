/// The forms of the catalog's codes, as the database's CHECK constraints have them (migrations/0002): checked in
/// the file first, so a wrong code is a problem with a path rather than a refusal from the database.
enum CatalogCodes {
    /// Whether `text` has the form of a `kind` code.
    static func isValid(_ text: String, _ kind: CatalogProblem.CodeKind) -> Bool {
        let bytes = Array(text.utf8)
        switch kind {
        case .country: return bytes.count == 2 && bytes.allSatisfy(isUpper)
        case .municipality, .currency: return bytes.count == 3 && bytes.allSatisfy(isUpper)
        case .sector, .service: return lowerCode(bytes, minimumTail: 1)
        case .field, .choice, .document: return lowerCode(bytes, minimumTail: 0)
        case .office:
            // ^[A-Z]{3}-[A-Z0-9_]{2,40}$
            return (6...44).contains(bytes.count) && bytes[0..<3].allSatisfy(isUpper) && bytes[3] == UInt8(ascii: "-")
                && bytes[4...].allSatisfy { isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
        case .phoneCountryCode:
            // ^[1-9][0-9]{0,2}$
            return (1...3).contains(bytes.count) && bytes.allSatisfy(isDigit) && bytes[0] != UInt8(ascii: "0")
        case .holiday, .fee, .stage, .step:
            return true
        }
    }

    /// `^[a-z][a-z0-9_]{minimumTail,62}$`.
    private static func lowerCode(_ bytes: [UInt8], minimumTail: Int) -> Bool {
        guard (1 + minimumTail...63).contains(bytes.count), isLower(bytes[0]) else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
    private static func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
