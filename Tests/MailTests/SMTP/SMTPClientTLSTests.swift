import Mail
import Testing

/// STARTTLS, implicit TLS and AUTH against a real server presenting a self-signed certificate for `localhost`.
@Suite("SMTP over TLS with a real server", .enabled(if: TestSMTPServer.isAvailable, TestSMTPServer.unavailableReason))
struct SMTPClientTLSTests {
    @Test("smtp:// upgrades with STARTTLS when offered: the server saw the message over TLS")
    func startTLSWhenOffered() throws {
        let server = try TestSMTPServer(MailFixtures.startTLSOptions(try TestCertificate.localhost()))
        let client = try MailFixtures.client(
            "smtp://localhost:\(server.port)", trusting: try TestCertificate.localhost())
        let report = try client.send(try MailFixtures.arabicMessage())
        #expect(report.tlsProtocol?.hasPrefix("TLSv1.") == true)
        let received = try #require(try server.messages().first)
        #expect(received.session.tlsVersion?.hasPrefix("TLSv1.") == true)
        #expect(received.message.subject == MailFixtures.arabicSubject)
    }

    @Test("A certificate no trusted CA signed fails the handshake: a temporary TLS error, nothing sent")
    func untrustedCertificateIsRefused() throws {
        let server = try TestSMTPServer(MailFixtures.startTLSOptions(try TestCertificate.localhost()))
        let client = try MailFixtures.client("smtp://localhost:\(server.port)")
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.stage == .startTLS)
        #expect(error?.isTLSFailure == true)
        #expect(error?.transportError?.isCertificateRejected == true)
        #expect(error?.isPermanent == false)
        #expect("\(error!)".contains("self-signed certificate"))
        #expect(try server.messages().isEmpty)
    }

    @Test("A trusted certificate for another host name fails: the name is verified, not only the chain")
    func hostNameIsVerified() throws {
        let certificate = try TestCertificate.anotherName()
        let server = try TestSMTPServer(MailFixtures.startTLSOptions(certificate))
        let client = try MailFixtures.client("smtp://localhost:\(server.port)", trusting: certificate)
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.transportError?.isCertificateRejected == true)
        #expect("\(error!)".contains("hostname mismatch"))
        #expect(try server.messages().isEmpty)
    }

    @Test("A trusted certificate reached by an IP address it does not list fails")
    func ipAddressIsVerified() throws {
        let certificate = try TestCertificate.localhost()
        let server = try TestSMTPServer(MailFixtures.startTLSOptions(certificate))
        // The certificate names DNS:localhost only; 127.0.0.1 is the same server under an address it does not list.
        let client = try MailFixtures.client("smtp://127.0.0.1:\(server.port)", trusting: certificate)
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.transportError?.isCertificateRejected == true)
        #expect("\(error!)".contains("IP address mismatch"))
        #expect(try server.messages().isEmpty)
    }

    @Test("smtp+starttls:// fails when the server offers no STARTTLS: temporary, before any transaction")
    func requiredStartTLSMissing() throws {
        let server = try TestSMTPServer()
        let client = try MailFixtures.client(
            "smtp+starttls://localhost:\(server.port)", trusting: try TestCertificate.localhost())
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.stage == .startTLS)
        #expect(error?.isTLSFailure == true)
        #expect(error?.isPermanent == false)
        #expect(try server.messages().isEmpty)
    }

    @Test("smtp+starttls:// with STARTTLS offered delivers over TLS")
    func requiredStartTLSPresent() throws {
        let server = try TestSMTPServer(MailFixtures.startTLSOptions(try TestCertificate.localhost()))
        let client = try MailFixtures.client(
            "smtp+starttls://localhost:\(server.port)", trusting: try TestCertificate.localhost())
        _ = try client.send(try MailFixtures.arabicMessage())
        #expect(try server.messages().first?.session.tlsVersion != nil)
    }

    @Test("smtps:// speaks TLS from the first byte and delivers")
    func implicitTLS() throws {
        let server = try TestSMTPServer(MailFixtures.implicitTLSOptions(try TestCertificate.localhost()))
        let client = try MailFixtures.client(
            "smtps://localhost:\(server.port)", trusting: try TestCertificate.localhost())
        let report = try client.send(try MailFixtures.arabicMessage())
        #expect(report.tlsProtocol != nil)
        let received = try #require(try server.messages().first)
        #expect(received.session.tlsVersion != nil)
        #expect(received.message.parts.map(\.text) == [MailFixtures.arabicText, MailFixtures.arabicHTML])
    }

    @Test("smtps:// with an untrusted certificate fails at connection, temporary")
    func implicitTLSUntrusted() throws {
        let server = try TestSMTPServer(MailFixtures.implicitTLSOptions(try TestCertificate.localhost()))
        let client = try MailFixtures.client("smtps://localhost:\(server.port)")
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.stage == .connection)
        #expect(error?.transportError?.isCertificateRejected == true)
        #expect(error?.isPermanent == false)
    }

    @Test("AUTH PLAIN after STARTTLS, with the URL's credentials", arguments: ["PLAIN", "LOGIN"])
    func authenticates(mechanism: String) throws {
        let server = try TestSMTPServer(
            MailFixtures.startTLSOptions(try TestCertificate.localhost()) + [
                "--auth", "notify@tripoli.ly:s3cr:et", "--auth-mechanisms", mechanism,
            ])
        let client = try MailFixtures.client(
            "smtp://notify%40tripoli.ly:s3cr%3Aet@localhost:\(server.port)", trusting: try TestCertificate.localhost())
        _ = try client.send(try MailFixtures.arabicMessage())
        let attempts = try server.authenticationAttempts()
        #expect(attempts.map(\.mechanism) == [mechanism])
        #expect(attempts.map(\.login) == ["notify@tripoli.ly"])
        #expect(attempts.allSatisfy { $0.tls })
        #expect(try server.messages().first?.session.authenticated == true)
    }

    @Test("A wrong password is a permanent failure at authentication (535)")
    func wrongPassword() throws {
        let server = try TestSMTPServer(
            MailFixtures.startTLSOptions(try TestCertificate.localhost()) + ["--auth", "notify:right"])
        let client = try MailFixtures.client(
            "smtp://notify:wrong@localhost:\(server.port)", trusting: try TestCertificate.localhost())
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.stage == .authentication)
        #expect(error?.reply?.code == 535)
        #expect(error?.isPermanent == true)
        #expect(!"\(error!)".contains("wrong"))
    }

    @Test("Credentials are never sent in plain text, even to a server that offers AUTH without TLS")
    func noPlaintextAuthentication() throws {
        let server = try TestSMTPServer(["--auth", "notify:secret", "--auth-in-plaintext"])
        let client = try MailFixtures.client("smtp://notify:secret@localhost:\(server.port)")
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.stage == .authentication)
        #expect(error?.isTLSFailure == true)
        #expect(error?.isPermanent == false)
        #expect(try server.authenticationAttempts().isEmpty)
        #expect(try server.messages().isEmpty)
    }

    @Test("Credentials for a server that offers neither PLAIN nor LOGIN: temporary, nothing sent")
    func noAuthenticationMechanism() throws {
        let certificate = try TestCertificate.localhost()
        let server = try TestSMTPServer(
            MailFixtures.startTLSOptions(certificate) + ["--auth", "notify:secret", "--auth-mechanisms", "XOAUTH2"])
        let client = try MailFixtures.client("smtp://notify:secret@localhost:\(server.port)", trusting: certificate)
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.stage == .authentication)
        #expect(error?.isPermanent == false)
        #expect("\(error!)".contains("XOAUTH2"))
        #expect(try server.authenticationAttempts().isEmpty)
        #expect(try server.messages().isEmpty)
    }

    @Test("Bytes after the 220 to STARTTLS are refused, not read as if they came through TLS (RFC 3207 §4.2)")
    func bytesAfterStartTLSAreRefused() throws {
        let certificate = try TestCertificate.localhost()
        let server = try TestSMTPServer(MailFixtures.startTLSOptions(certificate) + ["--inject-after-starttls"])
        let client = try MailFixtures.client("smtp://localhost:\(server.port)", trusting: certificate)
        let error = #expect(throws: SMTPError.self) { try client.send(try MailFixtures.arabicMessage()) }
        #expect(error?.stage == .startTLS)
        #expect(error?.isPermanent == false)
        #expect("\(error!)".contains("after its 220 to STARTTLS"))
        #expect(try server.messages().isEmpty)
    }
}
