import Mail
import Testing
import Transport

/// Failures before any SMTP server speaks; these need no aiosmtpd.
@Suite("SMTP connection failures")
struct SMTPClientConnectionTests {
    @Test("Nothing listening on the port: a temporary failure at connection")
    func connectionRefused() throws {
        let port = SilentListener().port  // released at once: the port is closed again
        let error = #expect(throws: SMTPError.self) {
            try MailFixtures.client("smtp://127.0.0.1:\(port)").send(try MailFixtures.arabicMessage())
        }
        #expect(error?.stage == .connection)
        #expect(error?.isPermanent == false)
    }

    @Test("A host name that does not resolve: a temporary failure at connection")
    func unresolvableHost() throws {
        let error = #expect(throws: SMTPError.self) {
            try MailFixtures.client("smtp://no-such-host.invalid").send(try MailFixtures.arabicMessage())
        }
        #expect(error?.stage == .connection)
        #expect(error?.isPermanent == false)
    }

    @Test("A server that never greets: a timeout at the greeting, temporary, within the command timeout")
    func greetingTimeout() throws {
        let listener = SilentListener()
        let client = try MailFixtures.client("smtp://127.0.0.1:\(listener.port)", commandTimeout: .milliseconds(300))
        let start = ContinuousClock.now
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(ContinuousClock.now - start >= .milliseconds(300))
        #expect(error?.stage == .greeting)
        #expect(error?.isTimeout == true)
        #expect(error?.isPermanent == false)
    }

    @Test("A message that cannot be written fails permanently without connecting")
    func invalidMessageFailsPermanently() throws {
        var message = try MailFixtures.arabicMessage()
        message.subject = "Hello\r\nBcc: victim@example.org"
        let listener = SilentListener()
        let error = #expect(throws: SMTPError.self) {
            try MailFixtures.client("smtp://127.0.0.1:\(listener.port)", commandTimeout: .seconds(5)).send(message)
        }
        // Had it connected, the silent listener would have made it a greeting timeout instead.
        #expect(error?.stage == .message)
        #expect(error?.isPermanent == true)
        #expect(error?.messageError?.isHeaderInjection == true)
    }

    @Test("An unreadable CA file is a configuration error when the client is made")
    func unreadableCAFile() throws {
        var configuration = SMTPConfiguration(server: try SMTPURL("smtps://localhost"))
        configuration.tls.additionalCAFile = "/nonexistent/ca.pem"
        #expect(throws: MailConfigurationError.self) { try SMTPClient(configuration: configuration) }
    }

    @Test("A HELO name with a space or a line break is refused when the client is made")
    func badHeloName() throws {
        for name in ["two words", "x\r\nRCPT TO:<a@b>", ""] {
            let configuration = SMTPConfiguration(server: try SMTPURL("smtp://localhost"), heloName: name)
            #expect(throws: MailConfigurationError.self) { try SMTPClient(configuration: configuration) }
        }
    }
}
