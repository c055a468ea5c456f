import Testing

@testable import Mail

@Suite("EHLO capabilities (RFC 5321 §4.1.1.1)")
struct SMTPCapabilitiesTests {
    @Test("Keywords are read case-insensitively from every line after the first, with their parameters")
    func keywords() {
        let reply = SMTPReply(
            code: 250, lines: ["mail.tripoli.ly greets nafidha.test", "starttls", "SIZE 10240000", "AUTH PLAIN login"])
        let capabilities = SMTPCapabilities(ehlo: reply)
        #expect(capabilities.offers("STARTTLS"))
        #expect(capabilities.offers("SIZE"))
        #expect(!capabilities.offers("SMTPUTF8"))
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
        // The greeting line is not a keyword, even if a word of it looks like one.
        #expect(!capabilities.offers("MAIL.TRIPOLI.LY"))
    }

    @Test("The pre-standard AUTH=PLAIN LOGIN form is understood")
    func legacyAuthForm() {
        let capabilities = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["host", "AUTH=PLAIN LOGIN"]))
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
    }

    @Test("After HELO nothing is offered")
    func helo() {
        #expect(!SMTPCapabilities().offers("STARTTLS"))
        #expect(SMTPCapabilities().authenticationMechanisms.isEmpty)
    }
}
