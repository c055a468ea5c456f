import Mail
import Testing

/// Each fault a real server can play, and the class of failure it must give: permanent (5xx) or temporary.
@Suite(
    "SMTP failure classes with a real server",
    .enabled(if: TestSMTPServer.isAvailable, TestSMTPServer.unavailableReason))
struct SMTPClientFailureTests {
    func send(to server: TestSMTPServer, recipients: [String] = ["citizen@example.ly"]) throws -> SMTPDeliveryReport {
        try MailFixtures.client("smtp://localhost:\(server.port)").send(try MailFixtures.arabicMessage(to: recipients))
    }

    @Test("550 to the only recipient: permanent, with the refusal, nothing sent")
    func onlyRecipientRefused() throws {
        let server = try TestSMTPServer(["--refuse-recipient", "citizen@example.ly"])
        let error = #expect(throws: SMTPError.self) { try send(to: server) }
        #expect(error?.stage == .recipients)
        #expect(error?.isPermanent == true)
        #expect(error?.refusals.map(\.reply.code) == [550])
        #expect(try server.messages().isEmpty)
    }

    @Test("451 to the only recipient: temporary")
    func onlyRecipientDeferred() throws {
        let server = try TestSMTPServer(["--defer-recipient", "citizen@example.ly"])
        let error = #expect(throws: SMTPError.self) { try send(to: server) }
        #expect(error?.stage == .recipients)
        #expect(error?.isPermanent == false)
    }

    @Test("One recipient refused with 550 and one deferred with 451, none accepted: temporary overall")
    func mixedRefusals() throws {
        let server = try TestSMTPServer([
            "--refuse-recipient", "gone@example.ly", "--defer-recipient", "busy@example.ly",
        ])
        let error = #expect(throws: SMTPError.self) {
            try send(to: server, recipients: ["gone@example.ly", "busy@example.ly"])
        }
        #expect(error?.isPermanent == false)
        #expect(error?.refusals.map(\.isPermanent) == [true, false])
    }

    @Test("451 at the end of DATA: temporary, at the message stage")
    func messageDeferred() throws {
        let server = try TestSMTPServer(["--defer-message"])
        let error = #expect(throws: SMTPError.self) { try send(to: server) }
        #expect(error?.stage == .message)
        #expect(error?.reply?.code == 451)
        #expect(error?.isPermanent == false)
    }

    @Test("554 at the end of DATA: permanent")
    func messageRefused() throws {
        let server = try TestSMTPServer(["--refuse-message"])
        let error = #expect(throws: SMTPError.self) { try send(to: server) }
        #expect(error?.stage == .message)
        #expect(error?.reply?.enhancedStatus == "5.6.0")
        #expect(error?.isPermanent == true)
    }

    @Test("The server closing the connection in the middle of DATA: connection lost, temporary")
    func connectionDroppedInData() throws {
        let server = try TestSMTPServer(["--drop-in-data"])
        let error = #expect(throws: SMTPError.self) { try send(to: server) }
        #expect(error?.stage == .message)
        #expect(error?.isConnectionLost == true)
        #expect(error?.isPermanent == false)
        #expect(try server.messages().isEmpty)
    }
}
