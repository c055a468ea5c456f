/// Why a message or an address cannot be written as an e-mail.
///
/// A struct wrapping a private enum, so that reasons can be added without breaking callers.
public struct MailMessageError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case lineBreakInHeader(field: String)
        case controlCharacterInHeader(field: String)
        case invalidAddress(address: String, why: String)
        case invalidMessageID(String)
        case invalidLanguage(String)
        case noRecipient
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// A header value holds CR or LF: written as is, it would end the field and start one of the sender's choice.
    static func lineBreakInHeader(_ field: String) -> MailMessageError {
        MailMessageError(.lineBreakInHeader(field: field))
    }

    /// A header value holds another control character (NUL, ESC, DEL, ...) that no reader expects there.
    static func controlCharacterInHeader(_ field: String) -> MailMessageError {
        MailMessageError(.controlCharacterInHeader(field: field))
    }

    /// `address` is not an addr-spec this library sends to (`why` says which rule it breaks).
    static func invalidAddress(_ address: String, _ why: String) -> MailMessageError {
        MailMessageError(.invalidAddress(address: address, why: why))
    }

    /// The Message-ID is not `<left@right>` in printable ASCII.
    static func invalidMessageID(_ value: String) -> MailMessageError {
        MailMessageError(.invalidMessageID(value))
    }

    /// The language is not a BCP 47 tag such as `ar`, `fr` or `ar-LY`.
    static func invalidLanguage(_ value: String) -> MailMessageError {
        MailMessageError(.invalidLanguage(value))
    }

    /// A message needs at least one recipient.
    public static let noRecipient = MailMessageError(.noRecipient)

    /// Whether a header value was refused for a line break (a header injection attempt, or a caller's bug).
    public var isHeaderInjection: Bool {
        if case .lineBreakInHeader = reason { return true }
        return false
    }

    /// Whether an address was refused.
    public var isInvalidAddress: Bool {
        if case .invalidAddress = reason { return true }
        return false
    }

    public var description: String {
        switch reason {
        case .lineBreakInHeader(let field): "the \(field) header holds a line break (CR or LF)"
        case .controlCharacterInHeader(let field): "the \(field) header holds a control character"
        case .invalidAddress(let address, let why): "\"\(address)\" is not a valid e-mail address: \(why)"
        case .invalidMessageID(let value): "\"\(value)\" is not a Message-ID of the form <left@right>"
        case .invalidLanguage(let value): "\"\(value)\" is not a language tag such as ar, fr or ar-LY"
        case .noRecipient: "the message has no recipient"
        }
    }
}
