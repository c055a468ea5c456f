import Foundation
import Mail
import Testing

/// Messages sent to a real SMTP server (aiosmtpd) and read back with Python's email package.
@Suite(
    "SMTP delivery to a real server", .enabled(if: TestSMTPServer.isAvailable, TestSMTPServer.unavailableReason))
struct SMTPClientDeliveryTests {
    @Test("An Arabic multipart message arrives intact: subject, names, both parts, charsets, no defect")
    func arabicMessageArrivesIntact() throws {
        let server = try TestSMTPServer()
        let message = try MailFixtures.arabicMessage()
        let report = try MailFixtures.client("smtp://localhost:\(server.port)").send(message)
        #expect(report.accepted.map(\.address) == ["citizen@example.ly"])
        #expect(report.refused.isEmpty)
        #expect(report.reply.code == 250)
        #expect(report.tlsProtocol == nil)

        let received = try #require(try server.messages().first)
        #expect(received.envelope.mailFrom == "no-reply@tripoli.ly")
        #expect(received.envelope.rcptTos == ["citizen@example.ly"])
        let parsed = received.message
        #expect(parsed.defects.isEmpty)
        #expect(parsed.subject == MailFixtures.arabicSubject)
        #expect(parsed.subjectLines.count > 1 && parsed.subjectLines.allSatisfy { $0.count <= 78 })
        #expect(parsed.fromNames == ["بلدية طرابلس المركز"])
        #expect(parsed.fromAddresses == ["no-reply@tripoli.ly"])
        #expect(parsed.toAddresses == ["citizen@example.ly"])
        #expect(parsed.date == "2024-12-03T16:44:05+02:00")
        #expect(parsed.messageId == "<notification-123@tripoli.ly>")
        #expect(parsed.contentLanguage == "ar")
        #expect(parsed.mimeVersion == "1.0")
        #expect(parsed.contentType == "multipart/alternative")
        #expect(parsed.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(parsed.parts.map(\.charset) == ["utf-8", "utf-8"])
        #expect(parsed.parts.map(\.text) == [MailFixtures.arabicText, MailFixtures.arabicHTML])
        #expect(parsed.parts.allSatisfy { ["base64", "quoted-printable"].contains($0.transferEncoding) })
        #expect(parsed.longestLine <= 78)
        #expect(parsed.bareLineFeeds == 0)
        #expect(!parsed.eightBit)
    }

    @Test("A French message goes quoted-printable and arrives intact")
    func frenchMessageArrivesIntact() throws {
        let server = try TestSMTPServer()
        var message = try MailFixtures.arabicMessage()
        message.subject = "Votre demande n° 2027-000123 a été approuvée"
        message.text = "Madame, Monsieur,\n\nVotre demande a été approuvée.\n-- \nLa mairie de Djibouti\n"
        message.html = nil
        message.language = "fr"
        _ = try MailFixtures.client("smtp://localhost:\(server.port)").send(message)
        let parsed = try #require(try server.messages().first).message
        #expect(parsed.subject == message.subject)
        #expect(parsed.contentType == "text/plain")
        #expect(parsed.parts.map(\.transferEncoding) == ["quoted-printable"])
        #expect(parsed.parts.map(\.text) == [message.text])
        #expect(parsed.contentLanguage == "fr")
    }

    @Test("Raw content is sent with bare line feeds made CRLF and leading dots stuffed, and comes back equal")
    func rawContentIsNormalisedAndStuffed() throws {
        let server = try TestSMTPServer()
        let content = "Subject: raw\nFrom: a@tripoli.ly\nTo: b@tripoli.ly\n\n.one\n..two\nlast line without break"
        let envelope = SMTPEnvelope(
            sender: try MailAddress("a@tripoli.ly"), recipients: [try MailAddress("b@tripoli.ly")])
        _ = try MailFixtures.client("smtp://localhost:\(server.port)").send(Array(content.utf8), envelope: envelope)
        let raw = try server.rawMessage(1)
        let expected = content.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        #expect(String(decoding: raw, as: UTF8.self) == expected)
    }

    @Test("One refused recipient among several: the others get the message, the refusal is permanent")
    func oneRecipientRefused() throws {
        let server = try TestSMTPServer(["--refuse-recipient", "gone@example.ly"])
        let message = try MailFixtures.arabicMessage(to: ["citizen@example.ly", "gone@example.ly", "other@example.ly"])
        let report = try MailFixtures.client("smtp://localhost:\(server.port)").send(message)
        #expect(report.accepted.map(\.address) == ["citizen@example.ly", "other@example.ly"])
        #expect(report.refused.map(\.recipient.address) == ["gone@example.ly"])
        #expect(report.refused.first?.isPermanent == true)
        #expect(report.refused.first?.reply.enhancedStatus == "5.1.1")
        #expect(try server.messages().first?.envelope.rcptTos == ["citizen@example.ly", "other@example.ly"])
    }

    @Test("A server that does not know EHLO gets HELO, and the message")
    func heloFallback() throws {
        let server = try TestSMTPServer(["--refuse-ehlo"])
        let report = try MailFixtures.client("smtp://localhost:\(server.port)").send(try MailFixtures.arabicMessage())
        #expect(report.reply.code == 250)
        #expect(try server.messages().count == 1)
        // Without EHLO there is no SIZE extension to use.
        #expect(try server.messages().first?.envelope.mailOptions == [])
    }

    @Test("SIZE is declared when the server offers it")
    func sizeIsDeclared() throws {
        let server = try TestSMTPServer()
        _ = try MailFixtures.client("smtp://localhost:\(server.port)").send(try MailFixtures.arabicMessage())
        let options = try #require(try server.messages().first).envelope.mailOptions
        #expect(options.count == 1 && options[0].hasPrefix("SIZE="))
    }

    @Test("An internationalized address goes with SMTPUTF8 when the server offers it")
    func internationalizedAddressWithSMTPUTF8() throws {
        let server = try TestSMTPServer(["--smtputf8"])
        let message = try MailFixtures.arabicMessage(to: ["مواطن@example.ly"])
        _ = try MailFixtures.client("smtp://localhost:\(server.port)").send(message)
        let received = try #require(try server.messages().first)
        #expect(received.envelope.rcptTos == ["مواطن@example.ly"])
        #expect(received.envelope.mailOptions.contains("SMTPUTF8"))
        #expect(received.envelope.mailOptions.contains("BODY=8BITMIME"))
        #expect(received.message.toAddresses == ["مواطن@example.ly"])
        #expect(received.message.subject == MailFixtures.arabicSubject)
    }

    @Test("An internationalized address to a server without SMTPUTF8 fails permanently, before MAIL FROM")
    func internationalizedAddressWithoutSMTPUTF8() throws {
        let server = try TestSMTPServer()
        let message = try MailFixtures.arabicMessage(to: ["مواطن@example.ly"])
        let error = #expect(throws: SMTPError.self) {
            try MailFixtures.client("smtp://localhost:\(server.port)").send(message)
        }
        #expect(error?.isPermanent == true)
        #expect(error?.stage == .mailFrom)
        #expect(try server.messages().isEmpty)
    }

    @Test("8-bit content to a server without 8BITMIME fails permanently, before MAIL FROM")
    func eightBitContentWithout8BITMIME() throws {
        // A HELO server announces no extension at all.
        let server = try TestSMTPServer(["--refuse-ehlo"])
        let envelope = SMTPEnvelope(
            sender: try MailAddress("a@tripoli.ly"), recipients: [try MailAddress("b@tripoli.ly")])
        let content = Array("Subject: raw\r\n\r\nتمت الموافقة\r\n".utf8)
        let error = #expect(throws: SMTPError.self) {
            try MailFixtures.client("smtp://localhost:\(server.port)").send(content, envelope: envelope)
        }
        #expect(error?.stage == .mailFrom)
        #expect(error?.isPermanent == true)
        #expect("\(error!)".contains("8BITMIME"))
        #expect(try server.messages().isEmpty)
    }
}
