/// Recipients as listings show them: enough to tell them apart, not enough to read a contact (`+21891*****78`,
/// `a***@example.ly`).
enum RecipientMask {
    /// `recipient` masked: a phone keeps its first six and last two characters, an address its first letter and
    /// its domain.
    static func mask(_ recipient: String) -> String {
        if let at = recipient.lastIndex(of: "@") {
            let local = recipient[..<at]
            return String(local.prefix(1)) + "***" + recipient[at...]
        }
        guard recipient.count > 8 else { return String(repeating: "*", count: recipient.count) }
        return String(recipient.prefix(6)) + String(repeating: "*", count: recipient.count - 8)
            + String(recipient.suffix(2))
    }
}
