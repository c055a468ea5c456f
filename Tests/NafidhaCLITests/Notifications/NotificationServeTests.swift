import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real `nafidha serve` delivering to a real local SMS gateway: the notifications show in `nafidha show` and
/// the feed in `nafidha events`, and a server killed with SIGKILL mid-delivery loses nothing.
@Suite("nafidha serve delivers notifications")
struct NotificationServeTests {
    /// Files a residence certificate with an SMS, straight through the service layer.
    static func file(_ world: StaffTestWorld) throws -> Intake.Receipt {
        let submission = Submission(
            service: "residence_certificate", municipality: "BEN",
            applicant: .init(name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678"),
            fields: [
                "national_id": .string("119850123456"), "address": .string("12 Sea Street"),
                "resident_since": .string("2010-05-01"), "purpose": .string("employment"),
            ])
        return try world.services.submissions.submit(submission, channel: .api, idempotencyKey: nil).receipt
    }

    /// Waits up to `seconds` for `condition`.
    static func eventually(_ seconds: TimeInterval = 60, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    /// `nafidha serve` on `world`'s database on a free port with `environment`, once ready.
    static func serve(_ world: StaffTestWorld, _ environment: [String: String]) throws -> ServeProcess {
        let server = try ServeProcess(
            ["--database-url", world.database.url, "--listen", "127.0.0.1:0"], environment: environment)
        guard server.wait(for: "Ready;", seconds: 60), server.listeningURL != nil else {
            server.stop()
            throw ServeFailure(description: "serve did not start: \(server.output)")
        }
        return server
    }

    struct ServeFailure: Error, CustomStringConvertible {
        let description: String
    }

    @Test("serve sends the SMS; show lists it as sent; events prints the feed; the banner hides the token")
    func deliversAndShows() throws {
        try StaffTestWorld.with { world in
            try HTTPReceiver.with { gateway in
                let server = try Self.serve(
                    world,
                    [
                        "NAFIDHA_SMS_URL": gateway.url("/send"), "NAFIDHA_SMS_TOKEN": "very-secret",
                        "NAFIDHA_NOTIFY_POLL_MS": "50",
                    ])
                defer { server.stop() }
                #expect(server.output.contains("Notifications: SMS to http://127.0.0.1:\(gateway.port)/… (token set)"))
                #expect(!server.output.contains("very-secret"))
                let receipt = try Self.file(world)
                #expect(Self.eventually { gateway.requests.count == 1 })
                #expect(gateway.requests.first?.header("Authorization") == "Bearer very-secret")
                let session = try ClerkEndToEndTests.session(
                    world, url: try #require(server.listeningURL),
                    ["--name", "amina", "--role", "clerk", "--municipality", "BEN", "--sector", "civil_registry"])
                #expect(
                    try Self.eventually {
                        try ClerkEndToEndTests.nafidha(["show", receipt.trackingNumber], environment: session).output
                            .contains("sent")
                    })
                let shown = try ClerkEndToEndTests.nafidha(["show", receipt.trackingNumber], environment: session)
                #expect(shown.output.contains("request.submitted") && shown.output.contains("+21891*****78"))
                #expect(
                    try Self.eventually {
                        try ClerkEndToEndTests.nafidha(["events"], environment: session).output.contains(
                            receipt.trackingNumber)
                    })
                let events = try ClerkEndToEndTests.nafidha(
                    ["events", "--type", "request.submitted"], environment: session)
                let line = try #require(events.output.split(separator: "\n").first)
                let event = try ContractJSON.decode(Events.Event.self, from: Array(line.utf8))
                #expect(event.type == .submitted && event.data.trackingNumber == receipt.trackingNumber)
                #expect(events.error.hasPrefix("Next cursor: ev1_"))
                let next = String(events.error.dropFirst("Next cursor: ".count)).trimmingCharacters(in: .newlines)
                let after = try ClerkEndToEndTests.nafidha(["events", "--after", next], environment: session)
                #expect(after.code == 0 && after.output.isEmpty)
            }
        }
    }

    @Test("kill -9 mid-delivery: afterwards every notification is sent, none lost, repeats carry the same id")
    func killedMidDelivery() throws {
        try StaffTestWorld.with { world in
            try HTTPReceiver.with(answer: { _, _ in .init(200, delay: 0.3) }) { gateway in
                var filed: [Intake.Receipt] = []
                for _ in 0..<24 { filed.append(try Self.file(world)) }
                let environment = [
                    "NAFIDHA_SMS_URL": gateway.url("/send"), "NAFIDHA_NOTIFY_POLL_MS": "50",
                    "NAFIDHA_NOTIFY_SMS_WORKERS": "4", "NAFIDHA_NOTIFY_LEASE_SECONDS": "3",
                    "NAFIDHA_NOTIFY_TIMEOUT_SECONDS": "1", "NAFIDHA_NOTIFY_CONNECT_TIMEOUT_SECONDS": "1",
                ]
                let first = try Self.serve(world, environment)
                #expect(Self.eventually { gateway.requests.count >= 6 })
                first.end(with: SIGKILL)
                let claimed = try world.query(
                    "SELECT count(*) AS n FROM notifications WHERE state = 'pending' AND attempts > 0")[0]
                    .decode("n", as: Int64.self)
                let total = try world.query("SELECT count(*) AS n FROM notifications")[0].decode("n", as: Int64.self)
                #expect(total == 24)
                #expect(claimed > 0, "no delivery was in flight at the kill")
                gateway.answer { _, _ in .init(200) }
                let second = try Self.serve(world, environment)
                defer { second.stop() }
                #expect(
                    try Self.eventually {
                        try world.query("SELECT count(*) AS n FROM notifications WHERE state = 'sent'")[0]
                            .decode("n", as: Int64.self) == 24
                    })
                let stored = Set(
                    try world.query("SELECT message_id::text AS id FROM notifications").map {
                        try $0.decode("id", as: String.self)
                    })
                let received = gateway.requests.map { $0.json["id"] as? String ?? "" }
                #expect(Set(received) == stored)
                #expect(received.count >= 24)
            }
        }
    }
}
