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
