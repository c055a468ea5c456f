/// Who the server is told sends a message and who receives it (RFC 5321 §2.3.1), which may differ from the
/// message's `From` and `To` (a bounce address, blind copies).
public struct SMTPEnvelope: Sendable, Hashable {
    /// The reverse-path (`MAIL FROM`), where bounces go.
    public var sender: MailAddress
    /// The forward-paths (`RCPT TO`), each refused or accepted on its own.
    public var recipients: [MailAddress]

    /// An envelope from `sender` to `recipients`.
    public init(sender: MailAddress, recipients: [MailAddress]) {
        self.sender = sender
        self.recipients = recipients
    }

    /// The envelope a message implies: from its `From`, to its `To`.
    public init(for message: MailMessage) {
        self.init(sender: message.from, recipients: message.to)
    }

    /// Whether an address of the envelope needs SMTPUTF8.
    var needsSMTPUTF8: Bool {
        sender.isInternationalized || recipients.contains { $0.isInternationalized }
    }
}
