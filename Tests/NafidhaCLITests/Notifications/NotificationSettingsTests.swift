import NafidhaCore
import Testing

@testable import NafidhaCLI

@Suite("serve's notification settings from the environment")
struct NotificationSettingsTests {
    @Test("the SMS gateway, its token and the bounds come from NAFIDHA_*; the summary shows no secret")
    func configured() throws {
        let settings = try NotificationSettings.resolve(environment: [
            "NAFIDHA_SMS_URL": "http://gw.example.ly:8099/send?key=abc", "NAFIDHA_SMS_TOKEN": "s3cr3t-token",
            "NAFIDHA_NOTIFY_SMS_WORKERS": "8", "NAFIDHA_NOTIFY_LEASE_SECONDS": "30",
            "NAFIDHA_NOTIFY_TIMEOUT_SECONDS": "5",
        ])
        let channels = try #require(settings.channels)
        #expect(channels.sms?.url.target == "/send?key=abc" && channels.sms?.token == "s3cr3t-token")
        #expect(channels.smsWorkers == 8 && channels.http.requestTimeout == .seconds(5))
        #expect(settings.dispatcher.lease == .seconds(30))
        #expect(channels.configured == [.sms, .webhook])
        let summary = settings.summary.joined()
        #expect(summary.contains("SMS to http://gw.example.ly:8099/… (token set)") && summary.contains("webhooks on"))
        #expect(!summary.contains("s3cr3t") && !summary.contains("key=abc"))
    }

    @Test("nothing set: webhooks only; NAFIDHA_NOTIFY=off: no delivery on this server")
    func defaults() throws {
        let plain = try NotificationSettings.resolve(environment: [:])
        #expect(plain.channels?.configured == [.webhook] && plain.summary.joined().contains("SMS not configured"))
        #expect(try NotificationSettings.resolve(environment: ["NAFIDHA_NOTIFY": "off"]).channels == nil)
        let noHooks = try NotificationSettings.resolve(environment: ["NAFIDHA_NOTIFY_WEBHOOK_WORKERS": "0"])
        #expect(noHooks.channels?.configured == [])
    }

    @Test("SMTP sends through the Mail module's client, the password masked; without NAFIDHA_MAIL_FROM it is refused")
    func email() throws {
        let mail = try NotificationSettings.resolve(environment: [
            "NAFIDHA_SMTP_URL": "smtp://guichet:pa55word@mail.example.ly:587",
            "NAFIDHA_MAIL_FROM": "Guichet <guichet@example.ly>", "NAFIDHA_SMS_URL": "https://gw.example.ly/send",
        ])
        #expect(mail.channels?.email?.from == "guichet@example.ly")
        #expect(mail.channels?.configured == [.sms, .email, .webhook])
        let summary = mail.summary.joined()
        #expect(summary.contains("e-mail from guichet@example.ly through smtp://guichet:***@mail.example.ly:587"))
        #expect(!summary.contains("pa55word"))
        #expect(throws: CommandFailure.self) {
            try NotificationSettings.resolve(environment: ["NAFIDHA_SMTP_URL": "smtp://mail.example.ly"])
        }
    }

    @Test(
        "a bad URL, a bad number or a lease shorter than an attempt is refused, naming the variable",
        arguments: [
            ["NAFIDHA_SMS_URL": "ftp://gw/x"], ["NAFIDHA_SMTP_URL": "imap://mail.example.ly"],
            ["NAFIDHA_NOTIFY_BATCH": "zero"], ["NAFIDHA_NOTIFY_SMS_WORKERS": "0"], ["NAFIDHA_NOTIFY": "maybe"],
            ["NAFIDHA_NOTIFY_LEASE_SECONDS": "5", "NAFIDHA_NOTIFY_TIMEOUT_SECONDS": "10"],
        ])
    func refused(environment: [String: String]) {
        #expect {
            try NotificationSettings.resolve(environment: environment)
        } throws: { error in
            environment.keys.contains { "\(error)".contains($0) }
        }
    }
}
