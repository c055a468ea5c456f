/// An e-mail address (an RFC 5322 addr-spec such as `clerk@tripoli.ly`) with an optional display name.
///
/// The addr-spec is checked once, here, because it is written into SMTP commands and header fields: a dot-atom
/// local part (no quoted strings) and a domain of dot-separated labels (no address literals). Non-ASCII letters are
/// allowed in both (RFC 6531 internationalized addresses): such an address needs a server that offers SMTPUTF8,
/// which `SMTPClient` checks. A domain is expected in the form its owner publishes; IDNA conversion is the
/// caller's business.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The addr-spec, `local@domain`.
    public let address: String
    /// The name shown to readers (`"بلدية طرابلس"`), if any: any text without control characters.
    public let displayName: String?

    /// RFC 5321 §4.5.3.1: 64 octets for the local part, 255 for the domain, 254 for a whole path's address.
    private static let maximumLocalPartBytes = 64
    private static let maximumDomainBytes = 255
    private static let maximumAddressBytes = 254

    /// Checks `address` and `displayName`.
    ///
    /// - Throws: `MailMessageError` when the address is not a plain addr-spec, or either holds a line break or a
    ///   control character.
    public init(_ address: String, displayName: String? = nil) throws(MailMessageError) {
        try HeaderText.check(address, field: "address")
        if let displayName { try HeaderText.check(displayName, field: "display name") }
        try Self.validate(address)
        self.address = address
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the address has non-ASCII characters, and so needs SMTPUTF8 (RFC 6531).
    public var isInternationalized: Bool {
        !address.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `Name <local@domain>` or `local@domain`, for logs.
    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    private static func validate(_ address: String) throws(MailMessageError) {
        guard let at = address.lastIndex(of: "@") else { throw .invalidAddress(address, "it has no @") }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else {
            throw .invalidAddress(address, "both sides of the @ must be non-empty")
        }
        guard address.utf8.count <= maximumAddressBytes, local.utf8.count <= maximumLocalPartBytes,
            domain.utf8.count <= maximumDomainBytes
        else { throw .invalidAddress(address, "it is longer than SMTP allows (RFC 5321 §4.5.3.1)") }
        guard isDotAtom(local, allowing: localPartSymbols) else {
            throw .invalidAddress(address, "the local part must be letters, digits, dots and !#$%&'*+-/=?^_`{|}~")
        }
        guard isDotAtom(domain, allowing: ["-"]) else {
            throw .invalidAddress(address, "the domain must be labels of letters, digits and hyphens, joined by dots")
        }
    }

    /// RFC 5322 §3.2.3 atext besides letters and digits.
    private static let localPartSymbols: Set<Character> = [
        "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~",
    ]

    /// Non-empty runs of letters, digits (any script) and `symbols`, separated by single dots.
    private static func isDotAtom(_ text: Substring, allowing symbols: Set<Character>) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty
                && atom.allSatisfy { character in
                    symbols.contains(character)
                        || (character.isASCII ? character.isLetter || character.isNumber : !character.isWhitespace)
                }
        }
    }
}
