import Testing

@testable import Mail

@Suite("Header fields: folding and encoding")
struct HeaderFieldTests {
    /// The lines of a rendered field, without the final CRLF.
    func lines(_ field: HeaderField) -> [String] {
        Array(field.rendered.components(separatedBy: "\r\n").dropLast())
    }

    @Test("Folding keeps every line within 78 characters and unfolds to the value (RFC 5322 §2.2.3)")
    func foldsAtSeventyEightAndUnfoldsBack() {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let field = HeaderField.subject(subject)
        #expect(field.rendered.hasSuffix("\r\n"))
        #expect(lines(field).count > 1)
        #expect(lines(field).allSatisfy { $0.count <= 78 })
        #expect(lines(field).dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines(field).joined() == "Subject: " + subject)
    }

    @Test("Two spaces in a row survive folding")
    func doubleSpacesSurvive() {
        let subject = String(repeating: "ab  cd ", count: 20)
        #expect(lines(HeaderField.subject(subject)).joined() == "Subject: " + subject)
    }

    @Test("A plain ASCII subject is written as it is")
    func plainSubjectIsNotEncoded() {
        #expect(
            HeaderField.subject("Request 2027-000123 approved").rendered == "Subject: Request 2027-000123 approved\r\n")
    }

    @Test("An Arabic subject becomes encoded-words, the first fitting on the Subject line")
    func arabicSubjectIsEncoded() {
        let subject = "تمت الموافقة على طلبكم رقم ٢٠٢٧-٠٠٠١٢٣ لدى بلدية طرابلس المركز"
        let fieldLines = lines(HeaderField.subject(subject))
        #expect(fieldLines[0].hasPrefix("Subject: =?utf-8?B?"))
        #expect(fieldLines.allSatisfy { $0.count <= 78 })
        let words = fieldLines.joined().dropFirst("Subject: ".count).split(separator: " ").map(String.init)
        #expect(MIMEDecoding.encodedWords(words) == subject)
    }

    @Test("ASCII that looks like an encoded-word, or a word too long to fold, is encoded too")
    func lookalikesAndLongWordsAreEncoded() {
        #expect(HeaderField.subject("=?utf-8?B?abc?=").rendered.hasPrefix("Subject: =?utf-8?B?"))
        let long = String(repeating: "x", count: 100)
        let field = HeaderField.subject(long)
        #expect(lines(field).allSatisfy { $0.count <= 78 })
        #expect(lines(field)[0].hasPrefix("Subject: =?utf-8?B?"))
    }

    @Test("Display names: atoms as they are, specials quoted, Arabic encoded, several addresses folded at commas")
    func displayNames() throws {
        let plain = try MailAddress("clerk@tripoli.ly", displayName: "Tripoli Clerk")
        let special = try MailAddress("a@tripoli.ly", displayName: "Municipality, \"Centre\"")
        let arabic = try MailAddress("b@tripoli.ly", displayName: "بلدية طرابلس المركز")
        let bare = try MailAddress("c@tripoli.ly")
        let field = HeaderField.addresses("To", [plain, special, arabic, bare])
        let unfolded = lines(field).joined()
        #expect(
            unfolded.hasPrefix(
                "To: Tripoli Clerk <clerk@tripoli.ly>, \"Municipality, \\\"Centre\\\"\" <a@tripoli.ly>, =?utf-8?B?"))
        #expect(unfolded.hasSuffix("<b@tripoli.ly>, c@tripoli.ly"))
        #expect(lines(field).allSatisfy { $0.count <= 78 })
    }

    @Test("A long display name keeps the From line within 78 characters, whatever its script")
    func longDisplayNameFitsTheFirstLine() throws {
        let names = [
            "بلدية طرابلس المركز — إدارة الخدمات الإلكترونية للمواطنين", String(repeating: "x", count: 74),
            "Mairie de Djibouti, service des permis de construire et de l'urbanisme",
        ]
        for name in names {
            let field = HeaderField.addresses("From", [try MailAddress("no-reply@tripoli.ly", displayName: name)])
            #expect(lines(field).allSatisfy { $0.count <= 78 }, "\(field.rendered)")
        }
    }
}
