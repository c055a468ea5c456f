import Testing

@testable import Mail

@Suite("DATA transparency (RFC 5321 §4.5.2)")
struct SMTPDataEncodingTests {
    func encode(_ text: String) -> String {
        String(decoding: SMTPDataEncoding.encode(Array(text.utf8)), as: UTF8.self)
    }

    @Test("A dot at the start of a line is doubled, elsewhere left alone")
    func dotStuffing() {
        #expect(encode(".first\r\nmid.dle\r\n.\r\n..two\r\n") == "..first\r\nmid.dle\r\n..\r\n...two\r\n.\r\n")
    }

    @Test("Bare LF and bare CR become CRLF, and a final CRLF is added before the end mark")
    func lineBreaksAreNormalised() {
        #expect(encode("a\nb\rc\r\nd") == "a\r\nb\r\nc\r\nd\r\n.\r\n")
        #expect(encode("a\n.b") == "a\r\n..b\r\n.\r\n")
    }

    @Test("An empty message is just the end mark")
    func emptyMessage() {
        #expect(encode("") == ".\r\n")
    }
}
