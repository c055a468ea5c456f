import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// `GET /v1/requests/{tracking}`, `POST .../replies` and `POST .../cancel` with the citizen's bearer token.
@Suite("Tracking API")
struct TrackingRoutesTests {
    /// A building permit filed through `POST /v1/requests` in Benghazi.
    struct Filed {
        var tracking: String
        var token: String
        /// The id of the request's first task.
        var firstTask: Int64
        var bearer: [(String, String)] { [("Authorization", "Bearer \(token)")] }
    }

    static let permit = """
        {"service": "building_permit", "municipality": "BEN",
         "applicant": {"name": "Amal Ben Salem", "national_id": "119850123456", "phone": "0912345678"},
         "fields": {"parcel_location": {"lat": 32.1, "long": 20.07}, "parcel_number": "P-1/2",
                    "building_use": "residential", "works": ["new_building"], "floors": 2, "floor_area_m2": 240}}
        """

    func withAPI(_ body: (APIClient, WorkflowEngine, Filed) throws -> Void) throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let created = try client.send("POST", "/v1/requests", body: Self.permit)
            try #require(created.status == 201, "\(created.text)")
            let receipt = try created.object()
            let tracking = try #require(receipt["tracking_number"] as? String)
            let firstTask: Int64 = try pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT t.id FROM tasks t JOIN requests r ON r.id = t.request_id
                     WHERE r.tracking_number = $1 ORDER BY t.stage_no, t.step_no LIMIT 1
                    """,
                    [tracking]
                )[0].decode("id")
            }
            let filed = Filed(
                tracking: tracking, token: try #require(receipt["access_token"] as? String), firstTask: firstTask)
            try body(client, WorkflowEngine(pool: pool), filed)
        }
    }

    @Test("the owner of the token sees status, steps and the public timeline, in the language asked")
    func ownerSeesRequest() throws {
        try withAPI { client, _, filed in
            let response = try client.send(
                "GET", "/v1/requests/\(filed.tracking)", headers: filed.bearer + [("Accept-Language", "fr")])
            #expect(response.status == 200)
            let body = try response.object()
            #expect(body["tracking_number"] as? String == filed.tracking)
            #expect(body["status"] as? String == "submitted")
            #expect(body["service"] as? String == "building_permit")
            #expect(body["service_name"] as? String == "Permis de construire")
            #expect(body["municipality"] as? String == "BEN")
            #expect(body["submitted_at"] is String && body["due_at"] is String)
            let steps = try #require(body["steps"] as? [[String: Any]])
            #expect(
                steps.map { $0["sector"] as? String } == [
                    "urban_planning", "civil_defence", "water_sanitation", "finance",
                ])
            #expect(steps.map { $0["status"] as? String } == ["open", "open", "waiting", "waiting"])
            #expect(steps[0]["due_at"] is String && steps[2]["due_at"] is NSNull)
            let timeline = try #require(body["timeline"] as? [[String: Any]])
            #expect(timeline.map { $0["event"] as? String } == ["submitted", "task_opened", "task_opened"])
        }
    }

    @Test("a wrong or missing token and an unknown or malformed tracking number get the very same 404")
    func indistinguishableFailures() throws {
        try withAPI { client, _, filed in
            let wrongToken = try client.send(
                "GET", "/v1/requests/\(filed.tracking)", headers: [("Authorization", "Bearer x\(filed.token)")])
            let missing = try client.send("GET", "/v1/requests/\(filed.tracking)")
            let notBearer = try client.send(
                "GET", "/v1/requests/\(filed.tracking)", headers: [("Authorization", "Basic \(filed.token)")])
            let unknown = try client.send("GET", "/v1/requests/BEN-0000-0000", headers: filed.bearer)
            let malformed = try client.send("GET", "/v1/requests/not-a-number'%20OR%201=1", headers: filed.bearer)
            for response in [wrongToken, missing, notBearer, unknown, malformed] {
                #expect(response.status == 404)
                #expect(response.errorCode == "request_not_found")
                #expect(response.body == wrongToken.body)
            }
            let cancel = try client.send(
                "POST", "/v1/requests/\(filed.tracking)/cancel", headers: [("Authorization", "Bearer nope")])
            #expect(cancel.status == 404 && cancel.body == wrongToken.body)
            let reply = try client.send("POST", "/v1/requests/\(filed.tracking)/replies", body: #"{"message":"hi"}"#)
            #expect(reply.status == 404 && reply.body == wrongToken.body)
        }
    }

    @Test("a reply answers the clerk's question, resumes the clock, and shows in the timeline without the clerk's name")
    func replyResumes() throws {
        try withAPI { client, engine, filed in
            let path = "/v1/requests/\(filed.tracking)"
            let early = try client.send("POST", path + "/replies", headers: filed.bearer, body: #"{"message":"Hello"}"#)
            #expect(early.status == 409)
            #expect(early.errorCode == "nothing_awaiting_citizen")

            let task = filed.firstTask
            let clerk = StaffMember.testing("amal.t", sectors: ["urban_planning", "health"])
            _ = try engine.forward(
                task: task, by: clerk, toSector: "health", reason: "Internal: misfiled by the counter.")
            _ = try engine.forward(task: task, by: clerk, toSector: "urban_planning", reason: "Internal: back again.")
            _ = try engine.claim(task: task, by: clerk)
            _ = try engine.requestInformation(task: task, by: clerk, message: "Please send the site plan.")
            let waiting = try client.send("GET", path, headers: filed.bearer).object()
            #expect(waiting["status"] as? String == "awaiting_citizen")
            #expect(waiting["due_at"] is NSNull)

            let invalid = try client.send("POST", path + "/replies", headers: filed.bearer, body: #"{"fields":{}}"#)
            #expect(invalid.status == 422)
            let reply = try client.send(
                "POST", path + "/replies", headers: filed.bearer,
                body: #"{"message":"Plan attached.","fields":{"parcel_number":"P-1/3"}}"#)
            #expect(reply.status == 200, "\(reply.text)")
            let body = try reply.object()
            #expect(body["status"] as? String == "in_review")
            #expect(body["due_at"] is String)
            let timeline = try #require(body["timeline"] as? [[String: Any]])
            let events = timeline.compactMap { $0["event"] as? String }
            #expect(events.suffix(2) == ["information_requested", "citizen_replied"])
            #expect(
                timeline.first { $0["event"] as? String == "information_requested" }?["message"] as? String
                    == "Please send the site plan.")
            #expect(!events.contains("claimed"))
            #expect(!reply.text.contains("amal.t"))
            #expect(!reply.text.contains("Internal:"))
            #expect(!events.contains("forwarded"))
        }
    }

    @Test("a rejection shows with its reason, and the cancelled steps behind it show only as statuses")
    func rejectionInTimeline() throws {
        try withAPI { client, engine, filed in
            let task = filed.firstTask
            let clerk = StaffMember.testing("amal.t", sectors: ["urban_planning"])
            _ = try engine.claim(task: task, by: clerk)
            _ = try engine.reject(task: task, by: clerk, reason: "The parcel lies in a protected zone.")
            let body = try client.send("GET", "/v1/requests/\(filed.tracking)", headers: filed.bearer).object()
            #expect(body["status"] as? String == "rejected")
            #expect(body["closed_at"] is String)
            let steps = try #require(body["steps"] as? [[String: Any]])
            #expect(steps.map { $0["status"] as? String } == ["rejected", "cancelled", "cancelled", "cancelled"])
            let timeline = try #require(body["timeline"] as? [[String: Any]])
            #expect(timeline.last?["event"] as? String == "rejected")
            #expect(timeline.last?["message"] as? String == "The parcel lies in a protected zone.")
            #expect(!timeline.contains { $0["event"] as? String == "cancelled" })
        }
    }

    @Test("the citizen cancels before any decision; a second cancel and a cancel after a decision are refused")
    func cancelThroughAPI() throws {
        try withAPI { client, engine, filed in
            let path = "/v1/requests/\(filed.tracking)/cancel"
            let cancelled = try client.send("POST", path, headers: filed.bearer)
            #expect(cancelled.status == 200)
            let body = try cancelled.object()
            #expect(body["status"] as? String == "cancelled")
            #expect((body["steps"] as? [[String: Any]])?.allSatisfy { $0["status"] as? String == "cancelled" } == true)
            #expect((body["timeline"] as? [[String: Any]])?.last?["event"] as? String == "cancelled")
            let again = try client.send("POST", path, headers: filed.bearer)
            #expect(again.status == 409)
            #expect(again.errorCode == "invalid_transition")
        }
        try withAPI { client, engine, filed in
            let task = filed.firstTask
            let clerk = StaffMember.testing("omar.k", sectors: ["urban_planning"])
            _ = try engine.claim(task: task, by: clerk)
            _ = try engine.approve(task: task, by: clerk)
            let refused = try client.send("POST", "/v1/requests/\(filed.tracking)/cancel", headers: filed.bearer)
            #expect(refused.status == 409)
            #expect(refused.errorCode == "invalid_transition")
            let state = try client.send("GET", "/v1/requests/\(filed.tracking)", headers: filed.bearer).object()
            #expect(state["status"] as? String == "in_review")
        }
    }
}
