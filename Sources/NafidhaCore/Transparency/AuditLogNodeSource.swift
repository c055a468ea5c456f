import Transparency

/// The hashes `MerkleTree` reads, answered from `audit_log_nodes` rows fetched beforehand, or recorded.
///
/// Every complete subtree of the log is stored, so a proof or root reads O(log n) hashes; `AuditLogTree` runs the
/// computation once over a recording source to learn which, fetches exactly those in one statement, and runs it
/// again over them.
struct AuditLogNodeSource: MerkleLeafSource {
    /// A stored node: `level` k covers 2^k leaves, from leaf `position` · 2^k.
    struct Key: Hashable {
        var level: Int32
        var position: Int64
    }

    /// The keys a computation asked for (a reference, since `MerkleLeafSource`'s methods do not mutate).
    final class Recording {
        var keys: Set<Key> = []
    }

    private enum Mode {
        case recording(Recording)
        case stored([Key: MerkleHash])
    }

    private let mode: Mode

    /// A source that notes each key asked for and answers a placeholder hash.
    static func recording(into recording: Recording) -> AuditLogNodeSource {
        AuditLogNodeSource(mode: .recording(recording))
    }

    /// A source that answers from `nodes`; a key missing from it is a store that lags behind what was asked.
    static func stored(_ nodes: [Key: MerkleHash]) -> AuditLogNodeSource {
        AuditLogNodeSource(mode: .stored(nodes))
    }

    func leafHash(at index: UInt64) throws -> MerkleHash {
        try hash(Key(level: 0, position: Int64(index)))
    }

    func completeSubtreeHash(start: UInt64, count: UInt64) throws -> MerkleHash? {
        let level = count.trailingZeroBitCount
        return try hash(Key(level: Int32(level), position: Int64(start >> UInt64(level))))
    }

    private func hash(_ key: Key) throws -> MerkleHash {
        switch mode {
        case .recording(let recording):
            recording.keys.insert(key)
            return .emptyTree
        case .stored(let nodes):
            guard let hash = nodes[key] else { throw AuditLogStoreError.missingNode(level: key.level) }
            return hash
        }
    }
}

/// The stored tree lacks a hash it should hold: a size beyond the log was asked for, or the rows were tampered with.
struct AuditLogStoreError: Error, CustomStringConvertible {
    let description: String

    static func missingNode(level: Int32) -> AuditLogStoreError {
        AuditLogStoreError(description: "audit_log_nodes lacks a node of level \(level)")
    }
}
