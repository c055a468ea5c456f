import Testing

@testable import Mail

@Suite("Content transfer encodings (RFC 2045 §6.7, §6.8)")
struct TransferEncodingTests {
    let french = "Bonjour,\nVotre demande n° 2027-000123 a été approuvée = validée.\nCordialement, la mairie\n"

    @Test("Quoted-printable lines stay within 76 characters and decode to the canonical text")
    func quotedPrintableRoundTrip() {
        let long = String(repeating: "é = à ", count: 40) + "\n" + french
        let canonical = TransferEncoding.canonicalLineBreaks(Array(long.utf8))
        let encoded = TransferEncoding.quotedPrintable(canonical)
        let lines = MIMEDecoding.lines(encoded)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(MIMEDecoding.quotedPrintable(encoded) == canonical)
    }

    @Test("A soft break never cuts an =XX escape")
    func softBreaksKeepEscapesWhole() {
        // 74 ASCII characters then accented letters: the escapes fall across the 76th column.
        let text = String(repeating: "a", count: 74) + String(repeating: "é", count: 10)
        let encoded = TransferEncoding.quotedPrintable(Array(text.utf8))
        for line in MIMEDecoding.lines(encoded) where line.hasSuffix("=") {
            let body = line.dropLast()
            // What precedes a soft break ends on a whole token: no "=" or "=X" dangling before it.
            #expect(!body.hasSuffix("=") && !(body.dropLast().last == "="))
        }
        #expect(MIMEDecoding.quotedPrintable(encoded) == Array(text.utf8))
    }

    @Test("Space and tab before a line end are encoded; '=' always is (rule 3)")
    func trailingWhiteSpaceAndEquals() {
        let encoded = TransferEncoding.quotedPrintable(Array("a = b \r\nc\t\r\n".utf8))
        #expect(String(decoding: encoded, as: UTF8.self) == "a =3D b=20\r\nc=09\r\n")
    }

    @Test("Text without a final line break ends with a soft break, which decodes to nothing")
    func missingFinalBreakIsSoft() {
        let encoded = TransferEncoding.quotedPrintable(Array("no break".utf8))
        #expect(String(decoding: encoded, as: UTF8.self) == "no break=\r\n")
        #expect(MIMEDecoding.quotedPrintable(encoded) == Array("no break".utf8))
    }

    @Test("Bare LF, bare CR and CRLF all become CRLF")
    func canonicalLineBreaks() {
        let canonical = TransferEncoding.canonicalLineBreaks(Array("a\nb\rc\r\nd".utf8))
        #expect(String(decoding: canonical, as: UTF8.self) == "a\r\nb\r\nc\r\nd")
    }

    @Test("Base64 lines are 76 characters, the last shorter, each ending in CRLF")
    func base64Lines() {
        let bytes = [UInt8](repeating: 0xD8, count: 200)
        let encoded = TransferEncoding.base64Lines(bytes)
        let lines = MIMEDecoding.lines(encoded)
        #expect(lines.last == "")
        #expect(lines.dropLast().dropLast().allSatisfy { $0.count == 76 })
        #expect(MIMEDecoding.base64(encoded) == bytes)
    }

    @Test("Mostly Arabic text goes base64, mostly Latin text quoted-printable")
    func choosesTheShorterEncoding() {
        #expect(TransferEncoding.encodeText("تمت الموافقة على طلبكم").encoding == .base64)
        #expect(TransferEncoding.encodeText(french).encoding == .quotedPrintable)
    }
}
