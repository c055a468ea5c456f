import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing
import Transparency

/// Decision documents for the citizen and the public verification, over a real log.
@Suite("Decision documents and their verification")
struct DecisionServiceTests {
    /// The code of the `NafidhaError` `body` throws, or nil.
    static func code(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as NafidhaError {
            return error.code.rawValue
        } catch {
            return "\(error)"
        }
    }

    @Test("a published decision's document verifies with the public key alone and names the applicant masked")
    func document() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let document = published.document
            let verified = try DecisionVerifier.verify(
                document, trusting: .publicKey(DecisionFixture.privateKey.publicKey))
            #expect(verified.checkpoint.origin == "nafidha.test/audit/TRP")
            #expect(document.applicant == .init(name: "أمل بن سالم", nationalIDMasked: "••••••••3456"))
            #expect(document.facts.trackingNumber == published.decided.tracking)
            #expect(document.event.action == "decided")
            #expect(document.leafIndex == document.event.seq - 1)
            let latest = try world.services.signedLog.checkpoint(municipality: "TRP")
            #expect(document.treeSize == latest.treeSize && document.checkpoint == latest.note)
            let code = try #require(VerificationCode(parsing: document.verificationCode))
            #expect(code.municipality == "TRP" && code.trackingNumber == published.decided.tracking)
            #expect(code.leafIndex == UInt64(document.leafIndex))
            #expect(document.verificationCode.utf8.count < 130, "fits a small QR Code")
            // Ed25519 is deterministic: the same decision always has the same code.
            let again = try world.services.decisions.document(
                tracking: published.decided.tracking, token: published.decided.token)
            #expect(again.verificationCode == document.verificationCode)
        }
    }

    @Test("refusals: wrong token, not decided, not logged yet, no signing key")
    func refusals() throws {
        try DecisionFixture.withWorld { world in
            let decisions = world.services.decisions
            let pending = try DecisionFixture.file(in: world)
            #expect(
                Self.code { try decisions.document(tracking: pending.tracking, token: pending.token) }
                    == "request_not_decided")
            let decided = try DecisionFixture.decide(in: world)
            let other = try DecisionFixture.file(in: world)
            #expect(
                Self.code { try decisions.document(tracking: decided.tracking, token: other.token) }
                    == "request_not_found")
            #expect(
                Self.code { try decisions.document(tracking: decided.tracking, token: nil) }
                    == "request_not_found")
            #expect(
                Self.code { try decisions.document(tracking: decided.tracking, token: decided.token) }
                    == "decision_not_yet_logged", "unchained")
            try sequenceAudit(world.pool)
            #expect(
                Self.code { try decisions.document(tracking: decided.tracking, token: decided.token) }
                    == "decision_not_yet_logged", "chained, not in a signed checkpoint")
            try DecisionFixture.publish(world)
            #expect(Self.code { try decisions.document(tracking: decided.tracking, token: decided.token) } == nil)
            let unsigned = DecisionService(pool: world.pool, signer: nil)
            #expect(
                Self.code { try unsigned.document(tracking: decided.tracking, token: decided.token) }
                    == "signing_not_configured")
        }
    }

    @Test("a verification code verifies to the decision without the applicant; any other code does not")
    func codes() throws {
        try DecisionFixture.withWorld { world in
            let decisions = world.services.decisions
            let published = try DecisionTampering.published(in: world)
            let code = published.document.verificationCode
            let answer = try decisions.verify(code: code)
            #expect(answer.valid)
            var expected = published.document
            expected.applicant = nil
            #expect(answer.decision == expected)
            let forged = try DecisionTampering.resigned(published.document, with: DecisionFixture.otherKey)
            var fields = code.split(separator: ".").map(String.init)
            fields[3] = String(Int(fields[3])! - 1)
            let otherLeaf = fields.joined(separator: ".")
            var flipped = Array(code)
            flipped[flipped.count - 5] = flipped[flipped.count - 5] == "A" ? "B" : "A"
            for wrong in [forged.verificationCode, otherLeaf, String(flipped)] {
                #expect(Self.code { try decisions.verify(code: wrong) } == "decision_not_found", "\(wrong)")
            }
            for malformed in [String(code.dropLast()), "NV1.TRP", "", code + "A", code.lowercased()] {
                #expect(Self.code { try decisions.verify(code: malformed) } == "invalid_verification_code")
            }
        }
    }

    @Test("the server verifies a document against its key and its log, and refuses each forgery")
    func documents() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let answer = try world.services.decisions.verify(document: published.document)
            #expect(answer.valid && answer.problem == nil)
            #expect(answer.decision?.applicant == nil)
            for forgery in try DecisionTampering.cases(of: published.document, in: world) {
                let answer = try world.services.decisions.verify(document: forgery.document)
                #expect(!answer.valid && answer.problem == forgery.problem, "\(forgery.name): \(answer)")
                #expect(answer.decision == nil)
            }
        }
    }
}
