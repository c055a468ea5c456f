/// Sends e-mails: the one thing the e-mail channel needs from an SMTP client. The `Mail` module's `SMTPClient`
/// conforms to it when the branches merge; until then `nafidha serve` has no e-mail sender, and the tests use one
/// that records what it is given.
public protocol EmailSender: Sendable {
    /// Sends `message` once, or says whether trying again may help.
    func send(_ message: EmailMessage) throws(EmailDeliveryError)
}
