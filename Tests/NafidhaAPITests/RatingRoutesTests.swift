import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// `POST /v1/requests/{tracking}/rating` and the `satisfaction` report (docs/citizens.md, "Ratings").
@Suite("Ratings")
struct RatingRoutesTests {
    private func bearer(_ world: StaffTestWorld, _ name: String, _ role: StaffRole) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: ["BEN"])
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    /// Rejects the first step of request `tracking` as a Benghazi clerk.
    private func reject(_ world: StaffTestWorld, _ tracking: String) throws {
        let task: Int64 = try world.query(
            """
            SELECT t.id FROM tasks t JOIN requests r ON r.id = t.request_id
             WHERE r.tracking_number = $1 ORDER BY t.stage_no, t.step_no LIMIT 1
            """, [tracking])[0].decode("id")
        let clerk = StaffMember.testing("amal.t")
        _ = try world.engine.claim(task: task, by: clerk)
        _ = try world.engine.reject(task: task, by: clerk, reason: "The parcel lies in a protected zone.")
    }

    @Test("the applicant rates a decided request once; the report counts it, and shows the comment to supervisors")
    func rateOnceAfterDecision() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let filed = try CitizenRoutesTests.file(client)
            let token = CitizenRoutesTests.bearer(filed.token)
            let path = "/v1/requests/\(filed.tracking)/rating"
            let early = try client.send("POST", path, headers: token, body: #"{"score": 4}"#)
            #expect(early.status == 409 && early.errorCode == "request_not_decided")

            try reject(world, filed.tracking)
            for score in [0, 6] {
                let refused = try client.send("POST", path, headers: token, body: #"{"score": \#(score)}"#)
                #expect(refused.status == 422 && refused.errorCode == "validation_failed")
                #expect(
                    ((try refused.object()["error"] as? [String: Any])?["fields"] as? [String: Any])?["score"] != nil)
            }
            let stranger = try client.send(
                "POST", path, headers: CitizenRoutesTests.bearer("x" + filed.token), body: #"{"score": 4}"#)
            #expect(stranger.status == 404 && stranger.errorCode == "request_not_found")

            let rated = try client.send(
                "POST", path, headers: token, body: #"{"score": 2, "comment": "Slow, and nobody explained why."}"#)
            #expect(rated.status == 201, "\(rated.text)")
            #expect(try rated.object()["score"] as? Int == 2 && rated.object()["has_comment"] as? Bool == true)
            let twice = try client.send("POST", path, headers: token, body: #"{"score": 5}"#)
            #expect(twice.status == 409 && twice.errorCode == "already_rated")
            let audited = try world.query(
                "SELECT details FROM audit_events WHERE action = 'rated' AND actor = $1", [filed.tracking])
            #expect(audited.count == 1)
            #expect(try audited[0].decode("details", as: String.self) == #"{"comment":true,"score":2}"#)

            let supervisor = try bearer(world, "salma", .supervisor)
            let auditor = try bearer(world, "odette", .auditor)
            let report = try client.send("GET", "/v1/reports/satisfaction", headers: supervisor)
            #expect(report.status == 200, "\(report.text)")
            let document = try report.object()
            let rows = try #require(document["rows"] as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["service"] as? String == "building_permit")
            #expect(rows.first?["ratings"] as? Int == 1 && rows.first?["score_2"] as? Int == 1)
            #expect(rows.first?["mean_score"] as? Double == 2)
            let comments = try #require(document["comments"] as? [[String: Any]])
            #expect(comments.map { $0["comment"] as? String } == ["Slow, and nobody explained why."])
            let counted = try client.send("GET", "/v1/reports/satisfaction?format=csv", headers: auditor)
            #expect(counted.status == 200 && !counted.text.contains("nobody explained"))
            let forAuditor = try client.send("GET", "/v1/reports/satisfaction", headers: auditor)
            #expect(try forAuditor.object()["comments"] == nil)
        }
    }

    @Test("a citizen signed in by phone rates with the session; a cancelled request cannot be rated")
    func rateWithSession() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let filed = try CitizenRoutesTests.file(client)
            let cancelled = try CitizenRoutesTests.file(client)
            #expect(
                try client.send(
                    "POST", "/v1/requests/\(cancelled.tracking)/cancel",
                    headers: CitizenRoutesTests.bearer(cancelled.token)
                ).status == 200)
            try reject(world, filed.tracking)
            #expect(try CitizenRoutesTests.askCode(client).status == 202)
            let signedIn = try CitizenRoutesTests.signIn(
                client, code: try CitizenRoutesTests.pendingCode(world.pool))
            let session = CitizenRoutesTests.bearer(try #require(try signedIn.object()["token"] as? String))
            let rated = try client.send(
                "POST", "/v1/requests/\(filed.tracking)/rating", headers: session, body: #"{"score": 5}"#)
            #expect(rated.status == 201)
            let refused = try client.send(
                "POST", "/v1/requests/\(cancelled.tracking)/rating", headers: session, body: #"{"score": 5}"#)
            #expect(refused.status == 409 && refused.errorCode == "request_not_decided")
        }
    }
}
