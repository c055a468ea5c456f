import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing
import Transparency

/// The offline verifier of decision documents: the key alone, no server.
@Suite("Verifying a decision offline")
struct DecisionVerifierTests {
    static let serverKey = DecisionFixture.privateKey.publicKey

    /// The problem `document` is refused with, or nil when it verifies.
    static func problem(
        _ document: Decisions.Document, trusting trust: DecisionVerifier.Trust = .publicKey(serverKey),
        newer: SignedLog.ConsistencyProof? = nil
    ) -> String? {
        do {
            _ = try DecisionVerifier.verify(document, trusting: trust, newer: newer)
            return nil
        } catch {
            return error.name
        }
    }

    @Test("every forgery is refused with its problem, the genuine document with the same proofs is not")
    func forgeries() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            #expect(Self.problem(published.document) == nil)
            for forgery in try DecisionTampering.cases(of: published.document, in: world) {
                #expect(
                    Self.problem(forgery.document, newer: forgery.consistency) == forgery.problem, "\(forgery.name)")
            }
            // The fork verifies alone: only the newer checkpoint's consistency proof exposes it.
            let (forked, consistency) = try DecisionTampering.fork(published.document, in: world)
            #expect(Self.problem(forked) == nil)
            #expect(Self.problem(forked, newer: consistency) == "checkpoints_inconsistent")
            // The genuine document is consistent with the log's newer checkpoint.
            let latest = try world.services.signedLog.checkpoint(municipality: "TRP")
            _ = try DecisionFixture.file(in: world)
            try DecisionFixture.publish(world)
            let newer = try world.services.signedLog.checkpoint(municipality: "TRP")
            #expect(newer.treeSize > latest.treeSize)
            let proof = try world.services.signedLog.consistencyProof(
                municipality: "TRP", first: UInt64(published.document.treeSize), second: UInt64(newer.treeSize))
            let verified = try DecisionVerifier.verify(
                published.document, trusting: .publicKey(Self.serverKey), newer: proof)
            #expect(verified.newerCheckpoint?.size == UInt64(newer.treeSize))
        }
    }

    @Test("the trusted key: another key, a verifier key of the log, of another log")
    func keys() throws {
        try DecisionFixture.withWorld { world in
            let document = try DecisionTampering.published(in: world).document
            #expect(
                Self.problem(document, trusting: .publicKey(DecisionFixture.otherKey.publicKey))
                    == "checkpoint_signature_invalid")
            let trp = try DecisionFixture.signer.verifierKey(of: "TRP")
            #expect(Self.problem(document, trusting: .verifierKey(trp)) == nil)
            let ben = try DecisionFixture.signer.verifierKey(of: "BEN")
            #expect(Self.problem(document, trusting: .verifierKey(ben)) == "origin_mismatch")
        }
    }

    @Test("codes, indexes and events that do not belong together")
    func mismatches() throws {
        try DecisionFixture.withWorld { world in
            let document = try DecisionTampering.published(in: world).document
            var format = document
            format.format = "nafidha-decision-v2"
            var size = document
            size.treeSize += 1
            var index = document
            index.leafIndex -= 1
            var action = document
            action.event.action = "approved"
            var malformed = document
            malformed.verificationCode.removeLast()
            var code = document
            code.verificationCode = code.verificationCode.replacingOccurrences(
                of: ".\(document.leafIndex).", with: ".\(document.leafIndex + 1).")
            var signature = document
            signature.verificationCode = try DecisionTampering.resigned(document, with: DecisionFixture.otherKey)
                .verificationCode
            var note = document
            note.checkpoint = note.checkpoint.replacingOccurrences(of: "\n\n", with: "\n")
            let expected: [(Decisions.Document, String)] = [
                (format, "unsupported_format"), (size, "tree_size_mismatch"), (index, "leaf_index_mismatch"),
                (action, "not_a_decision"), (malformed, "code_malformed"), (code, "code_mismatch"),
                (signature, "code_signature_invalid"), (note, "malformed_checkpoint"),
            ]
            for (forged, problem) in expected {
                #expect(Self.problem(forged) == problem)
            }
        }
    }
}
