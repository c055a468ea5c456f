import Foundation
import NafidhaAPI
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing
import Transparency

/// The public routes of the signed audit logs: key, checkpoints, consistency proofs.
@Suite("Signed audit log routes")
struct SignedLogRoutesTests {
    @Test("the public key and each municipality's verifier key")
    func publicKey() throws {
        try DecisionFixture.withWorld { world in
            let client = APIClient(services: world.services)
            let key = try ContractCheck.decode(
                try client.send(Routes.auditPublicKey.target()), as: SignedLog.PublicKey.self)
            #expect(key.algorithm == "ed25519" && key.host == "nafidha.test")
            #expect(key.publicKey == Data(DecisionFixture.privateKey.publicKey.rawRepresentation).base64EncodedString())
            let trp = try #require(key.verifierKeys.first { $0.municipality == "TRP" })
            #expect(trp.origin == "nafidha.test/audit/TRP")
            #expect(try NoteVerifierKey(parsing: trp.verifierKey) == DecisionFixture.signer.verifierKey(of: "TRP"))
            #expect(key.verifierKeys.map(\.municipality) == key.verifierKeys.map(\.municipality).sorted())
            let unsigned = APIClient(services: NafidhaServices(pool: world.pool))
            try ContractCheck.error(try unsigned.send(Routes.auditPublicKey.target()), .signingNotConfigured)
        }
    }

    @Test("checkpoints published before and after more activity verify, and are consistent by the proof")
    func consistentCheckpoints() throws {
        try DecisionFixture.withWorld { world in
            let client = APIClient(services: world.services)
            _ = try DecisionFixture.decide(in: world)
            try DecisionFixture.publish(world)
            let before = try ContractCheck.decode(
                try client.send(Routes.auditCheckpoint(municipality: "TRP")), as: SignedLog.Checkpoint.self)
            _ = try DecisionFixture.decide(in: world)
            try DecisionFixture.publish(world)
            let after = try ContractCheck.decode(
                try client.send(Routes.auditCheckpoint(municipality: "TRP")), as: SignedLog.Checkpoint.self)
            #expect(after.treeSize > before.treeSize)
            let again = try ContractCheck.decode(
                try client.send(Routes.auditCheckpoint(municipality: "TRP", size: before.treeSize)),
                as: SignedLog.Checkpoint.self)
            #expect(again == before)
            let key = try DecisionFixture.signer.verifierKey(of: "TRP")
            let first = try Checkpoint(noteText: try SignedNote(parsing: before.note).verifiedText(trusting: [key]))
            let second = try Checkpoint(noteText: try SignedNote(parsing: after.note).verifiedText(trusting: [key]))
            #expect(first.rootHash.base64 == before.rootHash && Int64(first.size) == before.treeSize)
            let proof = try ContractCheck.decode(
                try client.send(
                    Routes.auditConsistencyProof(municipality: "TRP", first: before.treeSize, second: after.treeSize)),
                as: SignedLog.ConsistencyProof.self)
            #expect(proof.firstCheckpoint == before.note && proof.secondCheckpoint == after.note)
            try MerkleVerifier.verifyConsistency(
                first: first.size, second: second.size, firstHash: first.rootHash, secondHash: second.rootHash,
                proof: proof.proof.map { try #require(MerkleHash(base64: $0)) })
            let between = try ContractCheck.decode(
                try client.send(
                    Routes.auditConsistencyProof(municipality: "TRP", first: 3, second: before.treeSize + 1)),
                as: SignedLog.ConsistencyProof.self)
            #expect(between.firstCheckpoint == nil && between.secondCheckpoint == nil && !between.proof.isEmpty)
        }
    }

    @Test("bad sizes and municipalities get stable 4xx codes")
    func refusals() throws {
        try DecisionFixture.withWorld { world in
            let client = APIClient(services: world.services)
            _ = try DecisionFixture.file(in: world)
            try DecisionFixture.publish(world)
            let size = try world.services.signedLog.checkpoint(municipality: "TRP").treeSize
            let checkpoints: [(String, ErrorCode)] = [
                ("?municipality=TRP&size=0", .invalidTreeSize), ("?municipality=TRP&size=-1", .invalidTreeSize),
                ("?municipality=TRP&size=abc", .invalidTreeSize), ("?municipality=TRP&size=", .invalidTreeSize),
                ("?municipality=TRP&size=99999999999999999999999", .invalidTreeSize),
                ("?municipality=TRP&size=9223372036854775807", .checkpointNotFound),
                ("?municipality=TRP&size=\(size + 1)", .checkpointNotFound), ("?municipality=BEN", .checkpointNotFound),
                ("", .municipalityRequired), ("?municipality=XYZ", .unknownMunicipality),
            ]
            for (query, code) in checkpoints {
                try ContractCheck.error(try client.send("GET", "/v1/audit/checkpoints\(query)"), code)
            }
            let proofs: [(String, ErrorCode)] = [
                ("first=2&second=1", .treeSizesOutOfOrder), ("first=0&second=1", .invalidTreeSize),
                ("second=1", .invalidTreeSize), ("first=1&second=18446744073709551616", .invalidTreeSize),
                ("first=1&second=\(size + 1)", .treeSizeNotLogged),
                ("first=1&second=9223372036854775807", .treeSizeNotLogged),
            ]
            for (query, code) in proofs {
                try ContractCheck.error(
                    try client.send("GET", "/v1/audit/proofs/consistency?municipality=TRP&\(query)"), code)
            }
            try ContractCheck.error(
                try client.send("GET", "/v1/audit/proofs/consistency?municipality=BEN&first=1&second=1"),
                .treeSizeNotLogged)
        }
    }
}
