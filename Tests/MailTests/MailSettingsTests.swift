import Mail
import Testing

@Suite("Mail settings from the environment")
struct MailSettingsTests {
    @Test("No NAFIDHA_SMTP_URL means no e-mail")
    func unsetMeansOff() throws {
        #expect(try MailSettings(environment: [:]) == nil)
        #expect(try MailSettings(environment: ["NAFIDHA_SMTP_URL": "", "NAFIDHA_MAIL_FROM": "a@b.ly"]) == nil)
    }

    @Test("Every variable is read")
    func readsEveryVariable() throws {
        let settings = try #require(
            try MailSettings(environment: [
                "NAFIDHA_SMTP_URL": "smtps://notify:pw@mail.tripoli.ly",
                "NAFIDHA_MAIL_FROM": "\"بلدية طرابلس\" <no-reply@tripoli.ly>",
                "NAFIDHA_SMTP_CA_FILE": "/etc/nafidha/ca.pem",
                "NAFIDHA_SMTP_HELO_NAME": "nafidha.tripoli.ly",
                "NAFIDHA_SMTP_CONNECT_TIMEOUT_SECONDS": "5",
                "NAFIDHA_SMTP_COMMAND_TIMEOUT_SECONDS": "2.5",
                "NAFIDHA_SMTP_MESSAGE_TIMEOUT_SECONDS": "90",
                "NAFIDHA_SMTP_MAX_REPLY_BYTES": "4096",
            ]))
        #expect(settings.sender.address == "no-reply@tripoli.ly")
        #expect(settings.sender.displayName == "بلدية طرابلس")
        #expect(settings.smtp.server.security == .implicitTLS)
        #expect(settings.smtp.tls.additionalCAFile == "/etc/nafidha/ca.pem")
        #expect(settings.smtp.heloName == "nafidha.tripoli.ly")
        #expect(settings.smtp.connectTimeout == .seconds(5))
        #expect(settings.smtp.commandTimeout == .milliseconds(2500))
        #expect(settings.smtp.messageTimeout == .seconds(90))
        #expect(settings.smtp.maximumReplyBytes == 4096)
    }

    @Test("Defaults: system trust only, 15/60/180 s, 16 KiB replies; a bare sender address")
    func defaults() throws {
        let settings = try #require(
            try MailSettings(environment: ["NAFIDHA_SMTP_URL": "smtp://localhost", "NAFIDHA_MAIL_FROM": "a@b.ly"]))
        #expect(settings.sender.displayName == nil)
        #expect(settings.smtp.tls.additionalCAFile == nil)
        #expect(settings.smtp.connectTimeout == .seconds(15))
        #expect(settings.smtp.commandTimeout == .seconds(60))
        #expect(settings.smtp.messageTimeout == .seconds(180))
        #expect(settings.smtp.maximumReplyBytes == 16 * 1024)
    }

    @Test(
        "Malformed values are refused, naming the variable",
        arguments: [
            ("NAFIDHA_SMTP_URL", "http://x"), ("NAFIDHA_MAIL_FROM", "not an address"),
            ("NAFIDHA_MAIL_FROM", ""), ("NAFIDHA_SMTP_COMMAND_TIMEOUT_SECONDS", "0"),
            ("NAFIDHA_SMTP_CONNECT_TIMEOUT_SECONDS", "soon"),
            ("NAFIDHA_SMTP_MAX_REPLY_BYTES", "100"),
        ])
    func refusesMalformed(variable: String, value: String) {
        var environment = ["NAFIDHA_SMTP_URL": "smtp://localhost", "NAFIDHA_MAIL_FROM": "a@b.ly"]
        environment[variable] = value
        let error = #expect(throws: MailConfigurationError.self) { try MailSettings(environment: environment) }
        #expect(error?.message.hasPrefix(variable) == true)
    }
}
