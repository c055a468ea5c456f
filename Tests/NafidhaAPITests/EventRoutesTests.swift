import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// `GET /v1/events` and `GET /v1/staff/requests/{tracking}/notifications` over HTTP, decoded into the contract.
@Suite("Events API: the feed and a request's notifications")
struct EventRoutesTests {
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole, municipalities: [String] = [],
        sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    /// Files a residence certificate in `municipality` through the API, with SMS and e-mail.
    private func file(_ client: APIClient, in municipality: String) throws -> Intake.Receipt {
        let submission = Intake.Submission(
            service: "residence_certificate", municipality: municipality,
            applicant: .init(
                name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678", email: "amal@example.ly"),
            fields: [
                "national_id": .string("119850123456"), "address": .string("12 Sea Street"),
                "resident_since": .string("2010-05-01"), "purpose": .string("employment"),
            ], language: .french)
        return try ContractCheck.decode(
            client.send(Routes.submit.target(), body: submission), as: Intake.Receipt.self, status: 201)
    }

    @Test("the feed pages in commit order with the contract's types, scoped, filtered, with 400s for bad parameters")
    func feed() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let benghazi = try file(client, in: "BEN")
            _ = try file(client, in: "TRP")
            _ = try world.query("SELECT notification_publish_pending(100)")
            let auditor = try bearer(world, "audit", .auditor)
            let first = try ContractCheck.decode(
                client.send(Routes.events(after: nil, limit: 1), headers: auditor), as: Events.Page.self)
            #expect(first.events.map(\.data.trackingNumber) == [benghazi.trackingNumber])
            #expect(first.events[0].type == .submitted && first.events[0].data.channel == .api)
            let rest = try ContractCheck.decode(
                client.send(Routes.events(after: first.nextCursor), headers: auditor), as: Events.Page.self)
            #expect(rest.events.map(\.data.municipality) == ["TRP"])
            let supervisor = try bearer(world, "salem", .supervisor, municipalities: ["BEN"])
            let scoped = try ContractCheck.decode(
                client.send(Routes.events(after: nil), headers: supervisor), as: Events.Page.self)
            #expect(scoped.events.map(\.data.municipality) == ["BEN"])
            let filtered = try ContractCheck.decode(
                client.send(Routes.events(after: nil, types: [.approved]), headers: auditor), as: Events.Page.self)
            #expect(filtered.events.isEmpty)
            let both = try client.send("GET", "/v1/events?type=request.approved,request.submitted", headers: auditor)
            #expect(try ContractCheck.decode(both, as: Events.Page.self).events.count == 2)
            try ContractCheck.error(client.send("GET", "/v1/events?after=nope", headers: auditor), .invalidCursor)
            try ContractCheck.error(
                client.send("GET", "/v1/events?type=request.burned", headers: auditor), .invalidQuery)
            try ContractCheck.error(client.send("GET", "/v1/events?limit=0", headers: auditor), .invalidQuery)
            try ContractCheck.error(client.send("GET", "/v1/events"), .invalidToken)
        }
    }

    @Test("staff in scope list a request's notifications with masked recipients; others get request_not_found")
    func requestNotifications() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let filed = try file(client, in: "BEN")
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["BEN"], sectors: ["civil_registry"])
            let list = try ContractCheck.decode(
                client.send(Routes.requestNotifications(filed.trackingNumber), headers: clerk),
                as: Staff.NotificationList.self)
            #expect(list.trackingNumber == filed.trackingNumber)
            #expect(list.notifications.map(\.channel) == [.sms, .email])
            #expect(list.notifications.map(\.recipient) == ["+21891*****78", "a***@example.ly"])
            #expect(
                list.notifications.allSatisfy {
                    $0.state == .pending && $0.event == .submitted && $0.nextAttemptAt != nil
                })
            let elsewhere = try bearer(world, "hiba", .clerk, municipalities: ["BEN"], sectors: ["health"])
            try ContractCheck.error(
                client.send(Routes.requestNotifications(filed.trackingNumber), headers: elsewhere), .requestNotFound)
            try ContractCheck.error(
                client.send(Routes.requestNotifications("BEN-0000-0000"), headers: clerk), .requestNotFound)
        }
    }
}
