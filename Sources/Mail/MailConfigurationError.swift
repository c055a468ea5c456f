/// Settings that cannot be used: a malformed SMTP URL, an unreadable CA file, a bad timeout. Found when the
/// client is made (at start-up), never while sending.
public struct MailConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the setting; never a password.
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
