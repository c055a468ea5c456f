import Mail
import Testing

@Suite("SMTP URLs")
struct SMTPURLTests {
    @Test("smtp:// is STARTTLS when offered, port 587 by default")
    func plainScheme() throws {
        let url = try SMTPURL("smtp://mail.tripoli.ly")
        #expect(url.security == .startTLSWhenOffered)
        #expect(url.host == "mail.tripoli.ly")
        #expect(url.port == 587)
        #expect(url.username == nil && url.password == nil)
    }

    @Test("smtp+starttls:// requires STARTTLS; smtps:// is implicit TLS on 465")
    func tlsSchemes() throws {
        #expect(try SMTPURL("smtp+starttls://mail.tripoli.ly:25").security == .startTLSRequired)
        #expect(try SMTPURL("smtp+starttls://mail.tripoli.ly:25").port == 25)
        #expect(try SMTPURL("SMTPS://mail.tripoli.ly").security == .implicitTLS)
        #expect(try SMTPURL("smtps://mail.tripoli.ly/").port == 465)
    }

    @Test("Credentials are percent-decoded; the password is masked in the description")
    func credentials() throws {
        let url = try SMTPURL("smtp://notify%40tripoli.ly:p%3Ass%40w0rd@mail.tripoli.ly:2525")
        #expect(url.username == "notify@tripoli.ly")
        #expect(url.password == "p:ss@w0rd")
        #expect(url.port == 2525)
        #expect(url.description == "smtp://notify@tripoli.ly:***@mail.tripoli.ly:2525")
    }

    @Test("An IPv6 host is bracketed")
    func ipv6() throws {
        let url = try SMTPURL("smtps://[::1]:4650")
        #expect(url.host == "::1")
        #expect(url.port == 4650)
    }

    @Test(
        "Malformed URLs are refused",
        arguments: [
            "mail.tripoli.ly", "http://mail.tripoli.ly", "smtp://", "smtp://host:0", "smtp://host:70000",
            "smtp://host:25x", "smtp://user@host", "smtp://:pw@host", "smtp://user:@host", "smtp://host/path",
            "smtp://host?tls=1", "smtp://[::1", "smtp://u:p%zz@host", "smtp://ho st",
        ])
    func refusesMalformed(_ text: String) {
        #expect(throws: MailConfigurationError.self) { try SMTPURL(text) }
    }
}
