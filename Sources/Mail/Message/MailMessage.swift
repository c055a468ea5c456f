import Foundation

/// A notification e-mail: one sender, its recipients, a subject, a plain-text body and optionally an HTML body
/// (then sent as `multipart/alternative`, the text first as RFC 2046 §5.1.4 wants the simplest part first).
///
/// A value: nothing is checked or encoded until `rendered()`, which refuses header values with line breaks or
/// control characters, so a bad subject fails the message instead of rewriting its headers.
public struct MailMessage: Sendable {
    /// The author (`From`), also the envelope sender by default.
    public var from: MailAddress
    /// The recipients (`To`); at least one.
    public var to: [MailAddress]
    /// The subject, any text without line breaks (RFC 2047 encoded when it is not plain ASCII).
    public var subject: String
    /// The plain-text body (any line breaks; written with CRLF).
    public var text: String
    /// The HTML body, a whole document (see `htmlDocument(body:title:language:direction:)`), or `nil` for a
    /// text-only message.
    public var html: String?
    /// The `Message-ID`, given by the caller so that a retried message keeps its identity, e.g.
    /// `<notification-123@tripoli.ly>`.
    public var messageID: String
    /// The language of the bodies (`Content-Language`, RFC 3282), e.g. `ar` or `fr`.
    public var language: String?
    /// When the message was written (`Date`).
    public var date: Date
    /// The time zone the `Date` field is written in (the municipality's, for readers who look).
    public var timeZone: TimeZone

    /// A message; see the properties for each argument.
    public init(
        from: MailAddress, to: [MailAddress], subject: String, text: String, html: String? = nil,
        messageID: String, language: String? = nil, date: Date = Date(),
        timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.language = language
        self.date = date
        self.timeZone = timeZone
    }
}
