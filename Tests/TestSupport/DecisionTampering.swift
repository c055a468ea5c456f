import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import Transparency

/// The forgeries every verifier of decisions must detect (issue 17, "tamper evidence"): the same cases run against
/// the offline verifier, the server, `nafidha verify-decision` and the Python verifier of docs/verification.md.
public enum DecisionTampering {
    /// One forgery and the problem it must be refused with.
    public struct Case: Sendable, CustomStringConvertible {
        /// What was done.
        public var name: String
        /// The forged document.
        public var document: Decisions.Document
        /// A consistency proof to a newer checkpoint, for the case only it reveals.
        public var consistency: SignedLog.ConsistencyProof?
        /// The problem name expected.
        public var problem: String

        public var description: String { name }
    }

    /// A decided request's document in a world where the log grew after it, and BEN has a log too.
    public struct Published: Sendable {
        /// The decided request.
        public var decided: DecisionFixture.Decided
        /// Its document as the citizen fetches it.
        public var document: Decisions.Document
    }

    /// Decides a permit in TRP, files more requests in TRP and BEN, publishes, and fetches the decision's document.
    public static func published(in world: StaffTestWorld) throws -> Published {
        let decided = try DecisionFixture.decide(in: world)
        _ = try DecisionFixture.file(in: world, municipality: "TRP")
        _ = try DecisionFixture.file(in: world, municipality: "BEN")
        try DecisionFixture.publish(world)
        let document = try world.services.decisions.document(tracking: decided.tracking, token: decided.token)
        return Published(decided: decided, document: document)
    }

    /// Every forgery of `document` (from `published`), each with the problem it must be refused with.
    public static func cases(of document: Decisions.Document, in world: StaffTestWorld) throws -> [Case] {
        var cases: [Case] = []

        var facts = document
        facts.facts.service.name.en = String(facts.facts.service.name.en.dropLast()) + "X"
        cases.append(Case(name: "one character of the decision's facts", document: facts, problem: "facts_mismatch"))

        var details = document
        details.event.details = details.event.details.replacingOccurrences(of: "approved", with: "approvee")
        cases.append(
            Case(
                name: "one character of the event's details", document: details, problem: "inclusion_proof_invalid"))

        var municipality = document
        let ben = try world.services.signedLog.checkpoint(municipality: "BEN")
        municipality.checkpoint = ben.note
        municipality.treeSize = ben.treeSize
        cases.append(
            Case(name: "another municipality's checkpoint", document: municipality, problem: "origin_mismatch"))

        var leaf = document
        let stored = MerkleTree(source: Leaves(hashes: try leafHashes("TRP", in: world)))
        leaf.inclusionProof = try stored.inclusionProof(
            leafIndex: UInt64(document.leafIndex - 1), treeSize: UInt64(document.treeSize)
        ).map(\.base64)
        cases.append(Case(name: "a proof for another leaf", document: leaf, problem: "inclusion_proof_invalid"))

        let (forked, consistency) = try fork(document, in: world)
        cases.append(
            Case(
                name: "a checkpoint not consistent with the log's newer one", document: forked,
                consistency: consistency, problem: "checkpoints_inconsistent"))

        cases.append(
            Case(
                name: "signed with a key that is not the server's",
                document: try resigned(document, with: DecisionFixture.otherKey),
                problem: "checkpoint_signature_invalid"))
        return cases
    }

    /// A fork: the server's key signs a tree that has the decision's leaf but not the log's other leaves after it
    /// (one invented), and the document proves the leaf there. Alone it verifies; the consistency proof the server
    /// gives from that size to its latest checkpoint shows that the log never had that tree.
    public static func fork(
        _ document: Decisions.Document, in world: StaffTestWorld
    ) throws -> (Decisions.Document, SignedLog.ConsistencyProof) {
        let size = UInt64(document.leafIndex) + 2
        var leaves = Array(try leafHashes("TRP", in: world).prefix(Int(document.leafIndex) + 1))
        leaves.append(MerkleHash.leaf(Array("an event the log never had".utf8)))
        let tree = MerkleTree(source: Leaves(hashes: leaves))
        let checkpoint = try Checkpoint(
            origin: DecisionFixture.signer.origin(of: "TRP"), size: size, rootHash: try tree.rootHash(size: size))
        let signer = try NoteSigner(name: checkpoint.origin, privateKey: DecisionFixture.privateKey)
        var forked = document
        forked.checkpoint = try SignedNote.sign(checkpoint.noteText, with: [signer]).serialized
        forked.treeSize = Int64(size)
        forked.inclusionProof = try tree.inclusionProof(leafIndex: UInt64(document.leafIndex), treeSize: size)
            .map(\.base64)
        let latest = try world.services.signedLog.checkpoint(municipality: "TRP")
        let consistency = try world.services.signedLog.consistencyProof(
            municipality: "TRP", first: size, second: UInt64(latest.treeSize))
        return (forked, consistency)
    }

    /// `document` with its checkpoint and verification code signed by `key` instead of the server's.
    public static func resigned(_ document: Decisions.Document, with key: Ed25519PrivateKey) throws
        -> Decisions.Document
    {
        var forged = document
        let note = try SignedNote(parsing: document.checkpoint)
        let origin = try Checkpoint(noteText: note.text).origin
        forged.checkpoint = try SignedNote.sign(note.text, with: [try NoteSigner(name: origin, privateKey: key)])
            .serialized
        guard let code = VerificationCode(parsing: document.verificationCode) else {
            throw TestDatabaseError("the document's verification code does not parse")
        }
        let fields = VerificationCode.SignedFields(
            municipality: code.municipality, trackingNumber: code.trackingNumber, leafIndex: code.leafIndex,
            leafHash: document.event.leafHash)
        let signature = Data(try key.signature(for: fields.message)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        forged.verificationCode =
            document.verificationCode.split(separator: ".").dropLast().joined(separator: ".")
            + "." + signature
        return forged
    }

    /// The leaf hashes of `municipality`'s log as stored.
    static func leafHashes(_ municipality: String, in world: StaffTestWorld) throws -> [MerkleHash] {
        try world.query(
            "SELECT hash FROM audit_log_nodes WHERE municipality_code = $1 AND level = 0 ORDER BY position",
            [municipality]
        ).map { row in
            guard let hash = MerkleHash(bytes: try row.decode("hash", as: [UInt8].self)) else {
                throw TestDatabaseError("a stored leaf hash is not 32 bytes")
            }
            return hash
        }
    }

    struct Leaves: MerkleLeafSource {
        let hashes: [MerkleHash]
        func leafHash(at index: UInt64) throws -> MerkleHash { hashes[Int(index)] }
    }
}
