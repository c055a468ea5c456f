/// Writing a message as RFC 5322 / MIME bytes.
extension MailMessage {
    /// RFC 5322 §3.6.4 allows longer ids, but one that needs folding is no id a caller means to give.
    private static let maximumMessageIDLength = 250
    /// BCP 47 tags of the languages served fit well within this.
    private static let maximumLanguageLength = 35

    /// The message as it travels: header fields, a blank line and the body, every line ending in CRLF.
    ///
    /// Header lines are folded at 78 characters; the subject and non-ASCII display names are RFC 2047
    /// encoded-words; each body is UTF-8 in quoted-printable or base64 (whichever is shorter), with lines of at
    /// most 76 characters. The result is 7-bit unless an address is internationalized (then SMTPUTF8 is needed).
    ///
    /// - Throws: `MailMessageError` for a header value with a line break or a control character, a malformed
    ///   Message-ID or language, or no recipient.
    public func rendered() throws(MailMessageError) -> [UInt8] {
        try rendered(boundary: MIMEBoundary.random())
    }

    /// `rendered()` with a given multipart boundary (tests pin it).
    func rendered(boundary: String) throws(MailMessageError) -> [UInt8] {
        guard !to.isEmpty else { throw .noRecipient }
        try HeaderText.check(subject, field: "Subject")
        try Self.checkMessageID(messageID)
        if let language { try Self.checkLanguage(language) }

        var head = HeaderField.addresses("From", [from]).rendered
        head += HeaderField.addresses("To", to).rendered
        head += HeaderField.subject(subject).rendered
        head += HeaderField("Date", MailDate.format(date, in: timeZone)).rendered
        head += HeaderField("Message-ID", messageID).rendered
        head += HeaderField("MIME-Version", "1.0").rendered
        if let language { head += HeaderField("Content-Language", language).rendered }

        let textPart = TransferEncoding.encodeText(text)
        guard let html else {
            head += Self.partHeader("text/plain", textPart.encoding)
            return Array((head + "\r\n").utf8) + textPart.body
        }
        let htmlPart = TransferEncoding.encodeText(html)
        head += HeaderField("Content-Type", tokens: ["multipart/alternative;", "boundary=\"\(boundary)\""]).rendered
        var bytes = Array((head + "\r\n").utf8)
        for (type, part) in [("text/plain", textPart), ("text/html", htmlPart)] {
            bytes += Array("--\(boundary)\r\n".utf8)
            bytes += Array((Self.partHeader(type, part.encoding) + "\r\n").utf8)
            bytes += part.body
            // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1), not to the part: each body
            // ends with its own CRLF already, so this one is added.
            bytes += [0x0D, 0x0A]
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return bytes
    }

    private static func partHeader(_ type: String, _ encoding: TransferEncoding) -> String {
        HeaderField("Content-Type", "\(type); charset=utf-8").rendered
            + HeaderField("Content-Transfer-Encoding", encoding.rawValue).rendered
    }

    /// `<left@right>`: each side dot-separated atoms of printable ASCII (RFC 5322 §3.6.4, no literals).
    private static func checkMessageID(_ value: String) throws(MailMessageError) {
        try HeaderText.check(value, field: "Message-ID")
        guard value.count <= maximumMessageIDLength, value.hasPrefix("<"), value.hasSuffix(">"), value.count > 2
        else { throw .invalidMessageID(value) }
        let sides = value.dropFirst().dropLast().split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            sides.count == 2
            && sides.allSatisfy { side in
                side.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
                    !atom.isEmpty && atom.utf8.allSatisfy(isMessageIDCharacter)
                }
            }
        guard valid else { throw .invalidMessageID(value) }
    }

    /// RFC 5322 atext, in ASCII.
    private static func isMessageIDCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
        }
    }

    /// A BCP 47 tag's shape: a primary subtag of letters, then subtags of letters and digits, joined by hyphens.
    static func checkLanguage(_ value: String) throws(MailMessageError) {
        try HeaderText.check(value, field: "Content-Language")
        let subtags = value.split(separator: "-", omittingEmptySubsequences: false)
        let valid =
            value.count <= maximumLanguageLength
            && subtags.enumerated().allSatisfy { index, subtag in
                (1...8).contains(subtag.count)
                    && subtag.allSatisfy { $0.isASCII && ($0.isLetter || (index > 0 && $0.isNumber)) }
            }
        guard valid else { throw .invalidLanguage(value) }
    }
}
