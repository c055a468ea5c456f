import Mail

/// The e-mail channel's sender in `nafidha serve`: the `Mail` module's `SMTPClient` (`NAFIDHA_SMTP_URL`, TLS and
/// timeouts as docs/notifications-mail.md says), from `NAFIDHA_MAIL_FROM`. Each e-mail is `multipart/alternative`
/// (the text, then the HTML document), its subject RFC 2047-encoded when needed, its `Message-ID` the one the
/// channel built from the notification's stable id.
///
/// What the SMTP client reports decides the retry: `SMTPError.isPermanent` (a 5xx reply, every recipient refused
/// with a 5xx, a message that cannot be written) dead-letters the notification; everything else (4xx, timeouts,
/// lost connections, TLS failures) is retried with the channel's backoff.
public struct SMTPEmailSender: EmailSender {
    private let client: SMTPClient
    /// The From of every e-mail, with its display name.
    public let sender: MailAddress

    /// The From address alone (`guichet@ben.ly`): the channel builds Message-IDs on its domain.
    public var fromAddress: String { sender.address }

    /// The SMTP server's URL, its password masked, for the start-up summary.
    public var server: String { client.configuration.server.description }

    /// A sender for `settings` (`MailSettings(environment:)`).
    /// - Throws: `MailConfigurationError` when the client cannot be made (a CA file OpenSSL cannot read, ...).
    public init(settings: MailSettings) throws(MailConfigurationError) {
        client = try SMTPClient(configuration: settings.smtp)
        sender = settings.sender
    }

    /// The sender `environment` configures (`NAFIDHA_SMTP_URL`, `NAFIDHA_MAIL_FROM` and the `NAFIDHA_SMTP_*`
    /// settings), or nil when `NAFIDHA_SMTP_URL` is unset (no e-mail).
    /// - Throws: `MailConfigurationError` naming the variable that is malformed or missing.
    public static func configured(by environment: [String: String]) throws -> SMTPEmailSender? {
        guard let settings = try MailSettings(environment: environment) else { return nil }
        return try SMTPEmailSender(settings: settings)
    }

    public func send(_ message: EmailMessage) throws(EmailDeliveryError) {
        let recipient: MailAddress
        do {
            recipient = try MailAddress(message.to)
        } catch {
            throw EmailDeliveryError(permanent: true, code: nil, message: "the recipient is refused: \(error)")
        }
        let mail = MailMessage(
            from: sender, to: [recipient], subject: message.subject, text: message.text, html: message.html,
            messageID: message.messageID, language: message.language)
        do {
            _ = try client.send(mail)
        } catch {
            throw EmailDeliveryError(
                permanent: error.isPermanent, code: error.reply?.code ?? error.refusals.first?.reply.code,
                message: String(error.description.prefix(400)))
        }
    }
}
