/// A transparency log's tree head as the text of a signed note (c2sp.org/tlog-checkpoint):
///
///     <origin>
///     <tree size, decimal>
///     <root hash, base64>
///     [extension lines]
///
/// Parsing a checkpoint's text does not verify it: parse the `SignedNote`, verify it against the log's key, then
/// read `Checkpoint(noteText:)` from the verified text.
public struct Checkpoint: Hashable, Sendable {
    /// The log's identity (for Nafidha, `CheckpointOrigin.auditLog(host:municipality:)`).
    public let origin: String
    /// The number of leaves in the tree.
    public let size: UInt64
    /// The RFC 6962 / RFC 9162 Merkle Tree Hash of those leaves.
    public let rootHash: MerkleHash
    /// Opaque, optional lines after the root hash (the specification advises against them).
    public let extensionLines: [String]

    /// A checkpoint of the tree of `size` leaves with root `rootHash`, issued by the log named `origin`.
    /// - Throws: `NoteError.malformedCheckpoint` for an origin that is empty or holds a space, a plus sign or a
    ///   control character, or for an empty extension line or one with a control character.
    public init(origin: String, size: UInt64, rootHash: MerkleHash, extensionLines: [String] = []) throws(NoteError) {
        guard NoteVerifierKey.isValidKeyName(origin),
            extensionLines.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x20 } })
        else { throw .malformedCheckpoint }
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// The checkpoint that a (verified) note text spells.
    /// - Throws: `NoteError.malformedCheckpoint` unless there are at least three non-empty lines ending in a newline:
    ///   a non-empty origin, a decimal size without leading zeros, a base64 32-byte hash; extension lines non-empty.
    public init(noteText: String) throws(NoteError) {
        guard noteText.hasSuffix("\n") else { throw .malformedCheckpoint }
        let lines = noteText.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, lines.allSatisfy({ !$0.isEmpty }),
            let size = Self.treeSize(parsing: lines[1]), let rootHash = MerkleHash(base64: lines[2])
        else { throw .malformedCheckpoint }
        self.origin = lines[0]
        self.size = size
        self.rootHash = rootHash
        self.extensionLines = Array(lines.dropFirst(3))
    }

    /// The note text: one line each for origin, size, root hash and extensions, each ending in a newline.
    public var noteText: String {
        ([origin, String(size), rootHash.base64] + extensionLines).map { $0 + "\n" }.joined()
    }

    /// ASCII decimal digits without a leading zero (but "0" itself), within UInt64.
    private static func treeSize(parsing line: String) -> UInt64? {
        guard line.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            line == "0" || !line.hasPrefix("0")
        else { return nil }
        return UInt64(line)
    }
}
