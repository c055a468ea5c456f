import Foundation
import Mail
import Transport

/// The messages and clients the server tests share.
enum MailFixtures {
    static let arabicSubject = "تمت الموافقة على طلبكم رقم ٢٠٢٧-٠٠٠١٢٣ لدى بلدية طرابلس المركز — خدمة رخص البناء"
    /// With a line that starts with a dot, which only dot-stuffing carries through.
    static let arabicText = """
        السيد المواطن،
        تمت الموافقة على طلبكم رقم ٢٠٢٧-٠٠٠١٢٣.
        .سطر يبدأ بنقطة
        مع التحية، بلدية طرابلس المركز

        """
    static let arabicHTML = MailMessage.htmlDocument(
        body: "<p>تمت الموافقة على طلبكم رقم <b>٢٠٢٧-٠٠٠١٢٣</b>.</p>", title: arabicSubject, language: "ar",
        direction: .rightToLeft)

    /// An Arabic notification from the municipality to `recipients`.
    static func arabicMessage(to recipients: [String] = ["citizen@example.ly"]) throws -> MailMessage {
        MailMessage(
            from: try MailAddress("no-reply@tripoli.ly", displayName: "بلدية طرابلس المركز"),
            to: try recipients.map { try MailAddress($0) }, subject: arabicSubject, text: arabicText,
            html: arabicHTML, messageID: "<notification-123@tripoli.ly>", language: "ar",
            date: Date(timeIntervalSince1970: 1_733_237_045), timeZone: TimeZone(identifier: "Africa/Tripoli")!)
    }

    /// A client for `url`, trusting `certificate` besides the system's store; timeouts generous enough for a
    /// loaded machine, except those a test shortens.
    static func client(
        _ url: String, trusting certificate: TestCertificate? = nil, commandTimeout: Duration = .seconds(30)
    ) throws -> SMTPClient {
        let caFile = certificate?.certificateFile
        var configuration = SMTPConfiguration(
            server: try SMTPURL(url), tls: TLSConfiguration(additionalCAFile: caFile), heloName: "nafidha.test")
        configuration.connectTimeout = .seconds(30)
        configuration.commandTimeout = commandTimeout
        configuration.messageTimeout = .seconds(30)
        return try SMTPClient(configuration: configuration)
    }

    /// smtp_server.py's flags for a STARTTLS server presenting `certificate`.
    static func startTLSOptions(_ certificate: TestCertificate) -> [String] {
        ["--starttls", certificate.certificateFile, certificate.keyFile]
    }

    /// smtp_server.py's flags for an implicit-TLS server presenting `certificate`.
    static func implicitTLSOptions(_ certificate: TestCertificate) -> [String] {
        ["--smtps", certificate.certificateFile, certificate.keyFile]
    }
}
