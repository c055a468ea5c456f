import Foundation
import NafidhaContract
import Postgres
import TestSupport
import Testing

@testable import NafidhaCore

/// The engine's decision path leaves one `decided` event, the last of the change, whose details are the facts a
/// decision document proves.
@Suite("The decided audit event")
struct DecisionEventTests {
    /// The request's events, action and details, in the order written.
    static func events(of request: Int64, _ world: StaffTestWorld) throws -> [(action: String, details: String)] {
        try world.query("SELECT action, details FROM audit_events WHERE request_id = $1 ORDER BY id", [request]).map {
            (try $0.decode("action"), try $0.decode("details"))
        }
    }

    @Test("approving the last step of a multi-sector permit in a capital records the facts of every step")
    func approval() throws {
        try DecisionFixture.withWorld { world in
            let request = try DecisionFixture.decide(in: world)
            let events = try Self.events(of: request.requestID, world)
            #expect(events.filter { $0.action == "decided" }.count == 1)
            #expect(events.last?.action == "decided")
            let details = try #require(events.last?.details)
            let facts = try ContractJSON.decode(Decisions.Facts.self, from: Array(details.utf8))
            #expect(facts.trackingNumber == request.tracking)
            #expect(facts.outcome == .approved)
            #expect(
                facts.municipality
                    == .init(code: "TRP", name: .init(ar: "طرابلس المركز", fr: "Tripoli-Centre", en: "Tripoli Centre")))
            #expect(facts.service.code == "building_permit")
            #expect(
                facts.decisions.map { "\($0.stage).\($0.step) \($0.sector.code) \($0.decision.rawValue)" } == [
                    "1.1 urban_planning approved", "1.2 civil_defence approved", "2.1 water_sanitation approved",
                    "3.1 finance approved",
                ])
            // The capital overlay sends planning to the capital planning authority.
            #expect(facts.decisions[0].office == "LBY-CAPITAL_PLANNING")
            #expect(facts.decisions.allSatisfy { $0.decidedAt <= facts.decidedAt && $0.decidedAt.hasSuffix("Z") })
            #expect(!details.contains("أمل") && !details.contains("119850123456"), "no personal data in the trail")
            let stored: String = try world.query(
                "SELECT audit_canonical_json(decision_facts($1)) AS facts", [request.requestID])[0].decode("facts")
            #expect(stored == details)
        }
    }

    @Test("a rejection records the rejecting step and the steps it made moot")
    func rejection() throws {
        try DecisionFixture.withWorld { world in
            let request = try DecisionFixture.decide(in: world, rejectingStage: 2)
            let details = try #require(try Self.events(of: request.requestID, world).last { $0.action == "decided" })
            let facts = try ContractJSON.decode(Decisions.Facts.self, from: Array(details.details.utf8))
            #expect(facts.outcome == .rejected)
            #expect(facts.decisions.map(\.decision) == [.approved, .approved, .rejected, .cancelled])
        }
    }

    @Test("a cancellation or a request still in review leaves no decided event")
    func noDecision() throws {
        try DecisionFixture.withWorld { world in
            let cancelled = try DecisionFixture.file(in: world)
            let citizen = try world.services.tracking.authenticate(tracking: cancelled.tracking, token: cancelled.token)
            _ = try world.engine.cancel(for: citizen)
            let inReview = try DecisionFixture.file(in: world)
            let supervisor = try DecisionFixture.supervisor(of: "TRP", in: world)
            let first: Int64 = try world.query(
                "SELECT id FROM tasks WHERE request_id = $1 ORDER BY stage_no, step_no LIMIT 1", [inReview.requestID]
            )[0].decode("id")
            _ = try world.engine.claim(task: first, by: supervisor)
            _ = try world.engine.approve(task: first, by: supervisor)
            for request in [cancelled, inReview] {
                #expect(try Self.events(of: request.requestID, world).allSatisfy { $0.action != "decided" })
            }
            #expect(throws: PostgresError.self) {
                try world.pool.withConnection { try DecisionEvent.append(requestID: inReview.requestID, on: $0) }
            }
        }
    }
}
