import Postgres
import Transparency

/// One municipality's audit log as a Merkle tree (RFC 9162 §2.1) over `audit_log_nodes`: its size, roots and
/// proofs, each computed from the O(log n) stored hashes it needs, read in one statement.
///
/// Leaf i is the event of `seq` i + 1 of the municipality's chain: SHA-256(0x00 ‖ its canonical bytes). The tree
/// grows through `extend` (the database function `audit_log_extend`), never otherwise.
struct AuditLogTree {
    /// The municipality whose chain the log covers.
    let municipality: String
    /// Where the nodes are; inside the caller's transaction when there is one.
    let connection: PostgresConnection

    /// Leaves added per call of `audit_log_extend` (10,000): one short transaction's work.
    static let extensionBatch = 10_000

    /// The number of leaves stored.
    func size() throws -> UInt64 {
        UInt64(
            try connection.queryPrepared("SELECT audit_log_size($1) AS size", [municipality])[0].decode("size") as Int64
        )
    }

    /// Adds up to `limit` chained events to the log, with the subtrees they complete; returns the new size.
    func extend(limit: Int = extensionBatch) throws -> UInt64 {
        let size: Int64 = try connection.queryPrepared(
            "SELECT audit_log_extend($1, $2::int) AS size", [municipality, limit])[0].decode("size")
        return UInt64(size)
    }

    /// The root hash of the first `size` leaves.
    func rootHash(size: UInt64) throws -> MerkleHash {
        try withNodes { try $0.rootHash(size: size) }
    }

    /// The inclusion proof of leaf `leafIndex` in the tree of `treeSize` leaves.
    func inclusionProof(leafIndex: UInt64, treeSize: UInt64) throws -> [MerkleHash] {
        try withNodes { try $0.inclusionProof(leafIndex: leafIndex, treeSize: treeSize) }
    }

    /// The consistency proof from the tree of `first` leaves to the tree of `second`.
    func consistencyProof(from first: UInt64, to second: UInt64) throws -> [MerkleHash] {
        try withNodes { try $0.consistencyProof(from: first, to: second) }
    }

    /// The stored hash of leaf `index`.
    func leafHash(at index: UInt64) throws -> MerkleHash {
        try withNodes { try $0.source.leafHash(at: index) }
    }

    /// Runs `compute` over a recording source to learn the nodes it reads, fetches them, and runs it over them.
    private func withNodes<T>(_ compute: (MerkleTree<AuditLogNodeSource>) throws -> T) throws -> T {
        let recording = AuditLogNodeSource.Recording()
        _ = try compute(MerkleTree(source: .recording(into: recording)))
        let keys = Array(recording.keys)
        var nodes: [AuditLogNodeSource.Key: MerkleHash] = [:]
        if !keys.isEmpty {
            let rows = try connection.queryPrepared(
                """
                SELECT n.level::int AS level, n.position, n.hash
                  FROM unnest($2::int[], $3::bigint[]) AS k (level, position)
                  JOIN audit_log_nodes n
                    ON n.municipality_code = $1 AND n.level = k.level AND n.position = k.position
                """,
                [municipality, keys.map(\.level), keys.map(\.position)]
            )
            for row in rows {
                let key = AuditLogNodeSource.Key(level: try row.decode("level"), position: try row.decode("position"))
                guard let hash = MerkleHash(bytes: try row.decode("hash", as: [UInt8].self)) else {
                    throw AuditLogStoreError(description: "audit_log_nodes holds a hash that is not 32 bytes")
                }
                nodes[key] = hash
            }
        }
        return try compute(MerkleTree(source: .stored(nodes)))
    }
}
