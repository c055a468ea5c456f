import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// `POST /v1/staff/requests`: assisted filing at the counter, over the API router.
@Suite("Counter filing API")
struct CounterRoutesTests {
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole, municipalities: [String] = [],
        sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    @Test("a clerk files for a citizen: the citizen's receipt, channel counter, the token tracks the request")
    func clerkFiles() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let clerk = try bearer(world, "karima", .clerk, municipalities: ["BEN"], sectors: ["urban_planning"])
            let key = [("Idempotency-Key", "counter-" + UUID().uuidString)]
            let created = try client.send(
                "POST", "/v1/staff/requests", headers: clerk + key, body: TrackingRoutesTests.permit)
            #expect(created.status == 201, "\(created.text)")
            let receipt = try ContractJSON.decoder().decode(Intake.Receipt.self, from: Data(created.body))
            #expect(receipt.channel == .counter && receipt.municipality == "BEN")
            #expect(created.headers["Location"] == ["/v1/requests/\(receipt.trackingNumber)"])
            let tracked = try client.send(
                "GET", "/v1/requests/\(receipt.trackingNumber)",
                headers: [("Authorization", "Bearer \(receipt.accessToken)")])
            #expect(tracked.status == 200)
            let replay = try client.send(
                "POST", "/v1/staff/requests", headers: clerk + key, body: TrackingRoutesTests.permit)
            #expect(replay.status == 201 && replay.body == created.body)
            #expect(replay.headers["Idempotent-Replayed"] == ["true"])
        }
    }

    @Test("outside the clerk's municipality, by an auditor, without a token, or invalid: stable refusals")
    func refusals() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let clerk = try bearer(world, "karima", .clerk, municipalities: ["TRP"], sectors: ["urban_planning"])
            let auditor = try bearer(world, "aziz", .auditor)
            let outside = try client.send(
                "POST", "/v1/staff/requests", headers: clerk, body: TrackingRoutesTests.permit)
            #expect(outside.status == 403 && outside.errorCode == "out_of_scope")
            let readOnly = try client.send(
                "POST", "/v1/staff/requests", headers: auditor, body: TrackingRoutesTests.permit)
            #expect(readOnly.status == 403 && readOnly.errorCode == "read_only_role")
            let anonymous = try client.send("POST", "/v1/staff/requests", body: TrackingRoutesTests.permit)
            #expect(anonymous.status == 401 && anonymous.errorCode == "invalid_token")
            let invalid = try client.send(
                "POST", "/v1/staff/requests", headers: clerk,
                body: #"{"service": "building_permit", "municipality": "TRP", "applicant": {"name": ""}}"#)
            #expect(invalid.status == 422 && invalid.errorCode == "validation_failed")
            let filed: Int = try world.query("SELECT count(*)::int AS n FROM requests")[0].decode("n")
            #expect(filed == 0)
        }
    }
}
