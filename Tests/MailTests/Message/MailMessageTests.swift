import Foundation
import Testing

@testable import Mail

@Suite("MIME messages")
struct MailMessageTests {
    static func message(subject: String = "طلبكم رقم ٢٠٢٧-٠٠٠١٢٣", html: String? = "<p>تمت الموافقة</p>") throws
        -> MailMessage
    {
        MailMessage(
            from: try MailAddress("no-reply@tripoli.ly", displayName: "بلدية طرابلس"),
            to: [try MailAddress("citizen@example.ly")], subject: subject, text: "تمت الموافقة على طلبكم.\n",
            html: html, messageID: "<notification-123@tripoli.ly>", language: "ar",
            date: Date(timeIntervalSince1970: 1_733_237_045), timeZone: TimeZone(identifier: "Africa/Tripoli")!)
    }

    /// A boundary as long as the random ones.
    static let boundary = MIMEBoundary.prefix + "0123456789abcdef0123456789abcdef"

    /// The message's header lines, up to the blank line.
    func headLines(_ bytes: [UInt8]) -> [String] {
        Array(MIMEDecoding.lines(bytes).prefix { !$0.isEmpty })
    }

    @Test("The header has From, To, Subject, Date, Message-ID, MIME-Version and Content-Language")
    func headerFields() throws {
        let head = headLines(try Self.message().rendered(boundary: Self.boundary))
        #expect(head.contains("Date: Tue, 3 Dec 2024 16:44:05 +0200"))
        #expect(head.contains("Message-ID: <notification-123@tripoli.ly>"))
        #expect(head.contains("MIME-Version: 1.0"))
        #expect(head.contains("Content-Language: ar"))
        #expect(head.contains("To: citizen@example.ly"))
        #expect(head.contains { $0.hasPrefix("From: =?utf-8?B?") && $0.hasSuffix("?= <no-reply@tripoli.ly>") })
        #expect(head.contains { $0.hasPrefix("Subject: =?utf-8?B?") })
        #expect(head.allSatisfy { $0.count <= 78 })
    }

    @Test("With HTML, the body is multipart/alternative: text/plain then text/html, UTF-8, closed by the boundary")
    func multipartStructure() throws {
        let lines = MIMEDecoding.lines(try Self.message().rendered(boundary: Self.boundary))
        #expect(lines.contains("Content-Type: multipart/alternative;"))
        #expect(lines.contains(" boundary=\"\(Self.boundary)\""))
        let types = lines.filter { $0.hasPrefix("Content-Type: text/") }
        #expect(types == ["Content-Type: text/plain; charset=utf-8", "Content-Type: text/html; charset=utf-8"])
        #expect(lines.filter { $0 == "--" + Self.boundary }.count == 2)
        #expect(lines.suffix(2) == ["--\(Self.boundary)--", ""])
        #expect(lines.allSatisfy { $0.count <= 78 })
    }

    @Test("Without HTML, the message is a single text/plain part")
    func textOnly() throws {
        let head = headLines(try Self.message(html: nil).rendered())
        #expect(head.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(!head.contains { $0.contains("multipart") })
    }

    @Test("No line of a part can start with the boundary, whatever the text holds (RFC 2046 §5.1.1)")
    func boundaryCannotOccurInParts() throws {
        let hostile = "--=_nafidha_0123\n--=_nafidha_\n=_=_ =_\n" + String(repeating: "--=_nafidha_ ", count: 20)
        var message = try Self.message(html: hostile)
        message.text = hostile
        let bytes = try message.rendered()
        let lines = MIMEDecoding.lines(bytes)
        let delimiters = lines.filter { $0.hasPrefix("--" + MIMEBoundary.prefix) }
        #expect(delimiters.count == 3)
        #expect(Set(delimiters.map { $0.hasSuffix("--") ? String($0.dropLast(2)) : $0 }).count == 1)
    }

    @Test("The random boundary differs from message to message")
    func boundariesAreRandom() {
        #expect(MIMEBoundary.random() != MIMEBoundary.random())
        #expect(MIMEBoundary.random().count == MIMEBoundary.prefix.count + 32)
    }

    @Test("A line break in the subject is refused: no header injection")
    func subjectInjectionIsRefused() throws {
        for subject in ["Hello\r\nBcc: victim@example.org", "Hello\nX-Evil: 1", "Hello\rX-Evil: 1"] {
            let error = #expect(throws: MailMessageError.self) { try Self.message(subject: subject).rendered() }
            #expect(error?.isHeaderInjection == true)
        }
        #expect(throws: MailMessageError.self) { try Self.message(subject: "bell\u{07}").rendered() }
    }

    @Test(
        "A Message-ID must be <left@right> in printable ASCII",
        arguments: ["notification-123@tripoli.ly", "<no-at>", "<a@b@c>", "<a b@c>", "<a@b>\r\nX: y", "<>", "<@b>"])
    func malformedMessageIDsAreRefused(_ id: String) throws {
        var message = try Self.message()
        message.messageID = id
        #expect(throws: MailMessageError.self) { try message.rendered() }
    }

    @Test("A language must be a BCP 47 tag", arguments: ["ar-LY", "fr", "en-GB"])
    func languagesAreChecked(_ tag: String) throws {
        var message = try Self.message()
        message.language = tag
        #expect(throws: Never.self) { try message.rendered() }
        message.language = tag + " ar"
        #expect(throws: MailMessageError.self) { try message.rendered() }
    }

    @Test("A message without a recipient is refused")
    func noRecipient() throws {
        var message = try Self.message()
        message.to = []
        #expect(throws: MailMessageError.noRecipient) { try message.rendered() }
    }

    @Test("The HTML helper sets lang and dir on the root element and escapes the title")
    func htmlDocument() {
        let document = MailMessage.htmlDocument(
            body: "<p>تمت الموافقة</p>", title: "طلب <رقم> ١٢٣ & \"أ\"", language: "ar", direction: .rightToLeft)
        #expect(document.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n"))
        #expect(document.contains("<meta charset=\"utf-8\">"))
        #expect(document.contains("<title>طلب &lt;رقم&gt; ١٢٣ &amp; &quot;أ&quot;</title>"))
        #expect(document.contains("<body>\n<p>تمت الموافقة</p>\n</body>"))
    }
}
