import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing
import Transparency

@testable import NafidhaCore

/// The audit log's Merkle tree as `audit_log_extend` stores it, against the same tree computed in memory from
/// the chain's events hashed in Swift (two implementations of the leaves, one reference tree of the Transparency
/// module, tested on RFC 6962's vectors).
@Suite("The audit log's Merkle tree")
struct AuditLogTreeTests {
    /// Leaf hashes in memory.
    struct Leaves: MerkleLeafSource {
        let hashes: [MerkleHash]
        func leafHash(at index: UInt64) throws -> MerkleHash { hashes[Int(index)] }
    }

    /// Appends `count` events to `municipality`'s trail and chains them.
    static func appendEvents(_ count: Int, municipality: String, on connection: PostgresConnection) throws {
        try connection.execute(
            """
            INSERT INTO audit_events (municipality_code, actor_kind, actor, action, details)
            SELECT $1, 'system', 'nafidha', 'escalated', audit_canonical_json(jsonb_build_object('n', g))
              FROM generate_series(1, $2::int) g
            """,
            [municipality, count])
        try sequenceAudit(on: connection)
    }

    /// The chain's leaf hashes, computed in Swift from each event's stored fields.
    static func leafHashes(municipality: String, on connection: PostgresConnection) throws -> [MerkleHash] {
        try connection.query(
            "SELECT \(DecisionEvent.columns) FROM audit_events e WHERE e.municipality_code = $1 ORDER BY e.seq",
            [municipality]
        ).map { try #require(try DecisionEvent.event(from: $0)).leafHash }
    }

    @Test("roots, inclusion and consistency proofs at every size are those of the chain's leaves")
    func treeMatchesTheChain() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try Self.appendEvents(37, municipality: "TRP", on: connection)
            let tree = AuditLogTree(municipality: "TRP", connection: connection)
            var sizes: [UInt64] = []
            while try tree.size() < 37 {
                sizes.append(try tree.extend(limit: 5))
            }
            #expect(sizes == [5, 10, 15, 20, 25, 30, 35, 37])
            let leaves = try Self.leafHashes(municipality: "TRP", on: connection)
            let reference = MerkleTree(source: Leaves(hashes: leaves))
            for index in 0..<37 {
                #expect(try tree.leafHash(at: UInt64(index)) == leaves[index])
            }
            for size in UInt64(1)...37 {
                let root = try tree.rootHash(size: size)
                #expect(root == (try reference.rootHash(size: size)), "size \(size)")
                for leaf in stride(from: UInt64(0), to: size, by: 3) {
                    let proof = try tree.inclusionProof(leafIndex: leaf, treeSize: size)
                    #expect(proof == (try reference.inclusionProof(leafIndex: leaf, treeSize: size)))
                    try MerkleVerifier.verifyInclusion(
                        leafHash: leaves[Int(leaf)], leafIndex: leaf, treeSize: size, proof: proof, rootHash: root)
                }
                for first in stride(from: UInt64(1), through: size, by: 4) {
                    let proof = try tree.consistencyProof(from: first, to: size)
                    #expect(proof == (try reference.consistencyProof(from: first, to: size)))
                    try MerkleVerifier.verifyConsistency(
                        first: first, second: size, firstHash: try reference.rootHash(size: first), secondHash: root,
                        proof: proof)
                }
            }
        }
    }

    @Test("a proof or a root reads the stored hashes it needs in one statement, not the leaves")
    func proofsReadOnce() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try Self.appendEvents(1000, municipality: "TRP", on: connection)
            let tree = AuditLogTree(municipality: "TRP", connection: connection)
            while try tree.size() < 1000 { _ = try tree.extend() }
            let before = connection.statementCount
            let proof = try tree.inclusionProof(leafIndex: 517, treeSize: 999)
            _ = try tree.consistencyProof(from: 300, to: 1000)
            _ = try tree.rootHash(size: 777)
            #expect(connection.statementCount - before == 3)
            #expect(proof.count == 10)
        }
    }

    @Test("the log grows with chained events only, never past the chain")
    func growsWithTheChain() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try Self.appendEvents(3, municipality: "BEN", on: connection)
            try connection.execute(
                """
                INSERT INTO audit_events (municipality_code, actor_kind, actor, action, details)
                VALUES ('BEN', 'system', 'nafidha', 'escalated', '{}')
                """)
            let tree = AuditLogTree(municipality: "BEN", connection: connection)
            #expect(try tree.extend() == 3)
            #expect(try tree.extend() == 3)
            try sequenceAudit(on: connection)
            #expect(try tree.extend() == 4)
            #expect(try AuditLogTree(municipality: "TRP", connection: connection).extend() == 0)
        }
    }

    @Test("stored nodes and checkpoints cannot be changed, deleted or truncated")
    func appendOnly() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try Self.appendEvents(4, municipality: "TRP", on: connection)
            _ = try AuditLogTree(municipality: "TRP", connection: connection).extend()
            try connection.execute(
                """
                INSERT INTO audit_log_checkpoints (municipality_code, tree_size, root_hash, signed_at, public_key, note)
                VALUES ('TRP', 4, decode(repeat('00', 32), 'hex'), now(), decode(repeat('00', 32), 'hex'), 'x')
                """)
            for sql in [
                "UPDATE audit_log_nodes SET hash = decode(repeat('11', 32), 'hex') WHERE level = 0 AND position = 0",
                "DELETE FROM audit_log_nodes WHERE level = 2", "TRUNCATE audit_log_nodes CASCADE",
                "UPDATE audit_log_checkpoints SET tree_size = 3", "DELETE FROM audit_log_checkpoints",
                "TRUNCATE audit_log_checkpoints",
            ] {
                #expect(AuditAppendOnlyTests.refused(sql, on: connection), "\(sql)")
            }
        }
    }
}
