/// Sends e-mails: the one thing the e-mail channel needs from an SMTP client. `SMTPEmailSender` (the `Mail`
/// module's client) in `nafidha serve`; tests also use one that records what it is given.
public protocol EmailSender: Sendable {
    /// Sends `message` once, or says whether trying again may help.
    func send(_ message: EmailMessage) throws(EmailDeliveryError)
}
