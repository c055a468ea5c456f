import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing
import Transparency

@testable import NafidhaCore

@Suite("The audit checkpointer")
struct AuditCheckpointerTests {
    /// The stored checkpoints, `municipality:size` in order.
    static func stored(_ world: StaffTestWorld) throws -> [String] {
        try world.query("SELECT municipality_code, tree_size FROM audit_log_checkpoints ORDER BY id").map {
            "\(try $0.decode("municipality_code", as: String.self)):\(try $0.decode("tree_size", as: Int64.self))"
        }
    }

    /// The head of `municipality`'s chain.
    static func chained(_ municipality: String, _ world: StaffTestWorld) throws -> Int64 {
        try world.query("SELECT last_seq FROM audit_chain_heads WHERE municipality_code = $1", [municipality])[0]
            .decode("last_seq")
    }

    @Test("a round signs each log that grew, at its chain's length, and nothing when nothing changed")
    func signsWhatGrew() throws {
        try DecisionFixture.withWorld { world in
            _ = try DecisionFixture.file(in: world, municipality: "TRP")
            _ = try DecisionFixture.file(in: world, municipality: "BEN")
            let first = try DecisionFixture.publish(world)
            let trp = try Self.chained("TRP", world)
            let ben = try Self.chained("BEN", world)
            #expect(
                first.signed == [
                    .init(municipality: "BEN", treeSize: UInt64(ben)),
                    .init(municipality: "TRP", treeSize: UInt64(trp)),
                ])
            #expect(!first.busy)
            #expect(try DecisionFixture.publish(world).signed.isEmpty)
            _ = try DecisionFixture.file(in: world, municipality: "TRP")
            let third = try DecisionFixture.publish(world)
            let grown = try Self.chained("TRP", world)
            #expect(third.signed == [.init(municipality: "TRP", treeSize: UInt64(grown))])
            #expect(try Self.stored(world) == ["BEN:\(ben)", "TRP:\(trp)", "TRP:\(grown)"])
        }
    }

    @Test("a checkpoint is a signed note of the log's origin, size, root and time, which the verifier key accepts")
    func notes() throws {
        try DecisionFixture.withWorld { world in
            _ = try DecisionFixture.file(in: world)
            let instant = Date(timeIntervalSince1970: 1_780_000_000.123456)
            try sequenceAudit(world.pool)
            let round = try world.pool.withConnection { connection in
                try AuditCheckpointer(signer: DecisionFixture.signer, clock: { instant }).runRound(on: connection)
            }
            let size = try #require(round.signed.first).treeSize
            let row = try world.query("SELECT note, root_hash, signed_at, public_key FROM audit_log_checkpoints")[0]
            let note = try SignedNote(parsing: try row.decode("note", as: String.self))
            let key = try DecisionFixture.signer.verifierKey(of: "TRP")
            #expect(key.name == "nafidha.test/audit/TRP")
            let checkpoint = try Checkpoint(noteText: try note.verifiedText(trusting: [key]))
            #expect(checkpoint.origin == "nafidha.test/audit/TRP")
            #expect(checkpoint.size == size)
            #expect(checkpoint.extensionLines == ["Timestamp: 1780000000123456000"])
            #expect(DecisionVerifier.signedAt(of: checkpoint) == Date(timeIntervalSince1970: 1_780_000_000.123456))
            #expect(checkpoint.rootHash.bytes == (try row.decode("root_hash", as: [UInt8].self)))
            let root = try world.pool.withConnection {
                try AuditLogTree(municipality: "TRP", connection: $0).rootHash(size: size)
            }
            #expect(checkpoint.rootHash == root)
            #expect(
                try row.decode("public_key", as: [UInt8].self) == DecisionFixture.privateKey.publicKey.rawRepresentation
            )
            let other = try NoteVerifierKey(name: key.name, publicKey: DecisionFixture.otherKey.publicKey)
            #expect(throws: NoteError.self) { try note.verifiedText(trusting: [other]) }
        }
    }

    @Test("while another checkpointer holds the lock a round does nothing")
    func oneAtATime() throws {
        try DecisionFixture.withWorld { world in
            _ = try DecisionFixture.file(in: world)
            try sequenceAudit(world.pool)
            let holder = try world.database.connect()
            _ = try holder.query("SELECT pg_advisory_lock(hashtext('nafidha:audit-checkpointer'))")
            let checkpointer = AuditCheckpointer(signer: DecisionFixture.signer)
            let busy = try world.pool.withConnection { try checkpointer.runRound(on: $0) }
            #expect(busy == .init(signed: [], busy: true))
            _ = try holder.query("SELECT pg_advisory_unlock(hashtext('nafidha:audit-checkpointer'))")
            let done = try world.pool.withConnection { try checkpointer.runRound(on: $0) }
            #expect(done.signed.count == 1)
        }
    }
}
