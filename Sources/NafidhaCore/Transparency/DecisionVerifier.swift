import Foundation
import NafidhaContract
import Transparency

/// Checks a decision document offline against the log's key alone (docs/verification.md, "Verifying a
/// decision"): the checkpoint's signature and origin, the event's inclusion in the checkpoint's tree, that the
/// facts are the event's details, and the verification code's signature. Given a newer checkpoint with a
/// consistency proof (`SignedLog.ConsistencyProof`), also that the document's checkpoint is a past state of the
/// same log, which a forked log cannot show. The CLI, the server and the tests share it.
public enum DecisionVerifier {
    /// What the verifier trusts.
    public enum Trust: Sendable {
        /// The log's Ed25519 key: each log's key name is its origin, `<host>/audit/<municipality>`.
        case publicKey(Ed25519PublicKey)
        /// One log's verifier key (`<origin>+<key id>+<key>`): the checkpoint must be of that very log.
        case verifierKey(NoteVerifierKey)

        var publicKey: Ed25519PublicKey {
            switch self {
            case .publicKey(let key): key
            case .verifierKey(let key): key.publicKey
            }
        }
    }

    /// What a verified document proves.
    public struct Verified: Sendable, Equatable {
        /// The checkpoint the decision is included in.
        public var checkpoint: Checkpoint
        /// When that checkpoint was signed, from its `Timestamp` line.
        public var signedAt: Date?
        /// The decision event's leaf hash.
        public var leafHash: MerkleHash
        /// The newer checkpoint the document's was proven consistent with, when one was given.
        public var newerCheckpoint: Checkpoint?
    }

    /// Verifies `document`, and with `newer` its consistency with a newer checkpoint of the same log.
    /// - Throws: the first `DecisionProblem` found, in the order of docs/verification.md.
    public static func verify(
        _ document: Decisions.Document, trusting trust: Trust, newer: SignedLog.ConsistencyProof? = nil
    ) throws(DecisionProblem) -> Verified {
        guard document.format == Decisions.documentFormat else { throw .unsupportedFormat }
        let municipality = document.event.municipalityCode
        let checkpoint = try verifiedCheckpoint(document.checkpoint, of: municipality, trust: trust)
        guard document.treeSize >= 0, UInt64(document.treeSize) == checkpoint.size else { throw .treeSizeMismatch }
        let event = document.event
        guard event.action == AuditAction.decided.rawValue, event.requestID != nil, event.taskID == nil else {
            throw .notADecision
        }
        guard document.leafIndex >= 0, event.seq >= 1, document.leafIndex == event.seq - 1 else {
            throw .leafIndexMismatch
        }
        let leafHash = event.leafHash
        let proof = document.inclusionProof.compactMap { MerkleHash(base64: $0) }
        guard proof.count == document.inclusionProof.count,
            (try? MerkleVerifier.verifyInclusion(
                leafHash: leafHash, leafIndex: UInt64(document.leafIndex), treeSize: checkpoint.size, proof: proof,
                rootHash: checkpoint.rootHash)) != nil
        else { throw .inclusionProofInvalid }
        guard CanonicalJSON.isCanonical(event.details),
            let facts = try? ContractJSON.decode(Decisions.Facts.self, from: Array(event.details.utf8)),
            facts == document.facts, facts.municipality.code == municipality
        else { throw .factsMismatch }
        guard let code = VerificationCode(parsing: document.verificationCode) else { throw .codeMalformed }
        guard code.municipality == municipality, code.trackingNumber == facts.trackingNumber,
            code.leafIndex == UInt64(document.leafIndex)
        else { throw .codeMismatch }
        guard code.isSigned(by: trust.publicKey, leafHash: leafHash) else { throw .codeSignatureInvalid }
        var verified = Verified(
            checkpoint: checkpoint, signedAt: signedAt(of: checkpoint), leafHash: leafHash, newerCheckpoint: nil)
        if let newer {
            verified.newerCheckpoint = try consistent(checkpoint, with: newer, of: municipality, trust: trust)
        }
        return verified
    }

    /// The checkpoint of `note` once its origin is `municipality`'s log and the trusted key's signature verifies.
    private static func verifiedCheckpoint(
        _ note: String, of municipality: String, trust: Trust
    ) throws(DecisionProblem) -> Checkpoint {
        // Read before verifying only to learn the origin, which names the key; nothing is trusted until verified.
        guard let signed = try? SignedNote(parsing: note), let unverified = try? Checkpoint(noteText: signed.text)
        else { throw .malformedCheckpoint }
        let origin = unverified.origin
        let suffix = "/audit/" + municipality
        guard origin.hasSuffix(suffix),
            (try? CheckpointOrigin.auditLog(host: String(origin.dropLast(suffix.count)), municipality: municipality))
                == origin
        else { throw .originMismatch }
        let key: NoteVerifierKey
        switch trust {
        case .publicKey(let publicKey):
            guard let named = try? NoteVerifierKey(name: origin, publicKey: publicKey) else { throw .originMismatch }
            key = named
        case .verifierKey(let verifierKey):
            guard verifierKey.name == origin else { throw .originMismatch }
            key = verifierKey
        }
        guard let text = try? signed.verifiedText(trusting: [key]), let checkpoint = try? Checkpoint(noteText: text)
        else { throw .checkpointSignatureInvalid }
        return checkpoint
    }

    /// The newer checkpoint of `newer`, once it is of the same log and `checkpoint` is consistent with it.
    private static func consistent(
        _ checkpoint: Checkpoint, with newer: SignedLog.ConsistencyProof, of municipality: String, trust: Trust
    ) throws(DecisionProblem) -> Checkpoint {
        guard newer.municipality == municipality, let note = newer.secondCheckpoint else {
            throw .newerCheckpointInvalid
        }
        let second: Checkpoint
        do {
            second = try verifiedCheckpoint(note, of: municipality, trust: trust)
        } catch {
            throw .newerCheckpointInvalid
        }
        guard newer.first >= 0, UInt64(newer.first) == checkpoint.size, newer.second >= 0,
            UInt64(newer.second) == second.size
        else { throw .newerCheckpointInvalid }
        let proof = newer.proof.compactMap { MerkleHash(base64: $0) }
        guard proof.count == newer.proof.count,
            (try? MerkleVerifier.verifyConsistency(
                first: checkpoint.size, second: second.size, firstHash: checkpoint.rootHash,
                secondHash: second.rootHash, proof: proof)) != nil
        else { throw .checkpointsInconsistent }
        return second
    }

    /// The time of a checkpoint's `Timestamp: <Unix nanoseconds>` line, if it has one.
    public static func signedAt(of checkpoint: Checkpoint) -> Date? {
        for line in checkpoint.extensionLines where line.hasPrefix("Timestamp: ") {
            guard let nanoseconds = Int64(line.dropFirst("Timestamp: ".count)) else { return nil }
            return Date(timeIntervalSince1970: Double(nanoseconds / 1000) / 1_000_000)
        }
        return nil
    }
}
