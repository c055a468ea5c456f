/// Sends e-mails: the one thing the e-mail channel needs from an SMTP client. The `Mail` module's `SMTPClient`
/// conforms to it when the branches merge; until then `nafidha serve` has no e-mail sender, and the tests use one
/// that records what it is given.
public protocol EmailSender: Sendable {
    /// Sends `message` once, or says whether trying again may help.
    func send(_ message: EmailMessage) throws(EmailDeliveryError)
}

/// An e-mail as the notifications render it; the sender builds the MIME message (multipart/alternative, RFC 2047
/// subject, the given Message-ID).
public struct EmailMessage: Sendable, Equatable {
    /// The sender's address (`NAFIDHA_MAIL_FROM`).
    public var from: String
    /// The recipient's address.
    public var to: String
    /// The subject, one line, possibly in Arabic.
    public var subject: String
    /// The plain-text part.
    public var text: String
    /// The HTML part: a whole document, `dir="rtl"` and `lang="ar"` in Arabic.
    public var html: String
    /// `<…@…>`, built from the notification's stable message id: the same at every attempt.
    public var messageID: String
    /// `ar`, `fr` or `en`, for `Content-Language`.
    public var language: String

    /// A message.
    public init(
        from: String, to: String, subject: String, text: String, html: String, messageID: String, language: String
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.language = language
    }
}

/// Why an e-mail was not sent, and whether trying again may help.
public struct EmailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// True for a refusal that will not pass (SMTP 5xx: an unknown recipient, a refused sender).
    public var permanent: Bool
    /// The SMTP reply code, when there was one.
    public var code: Int?
    /// One line.
    public var message: String

    /// An error.
    public init(permanent: Bool, code: Int?, message: String) {
        self.permanent = permanent
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
