/// Why a Merkle proof could not be generated or did not verify.
///
/// A struct wrapping a private enum, so that reasons can be added without breaking callers; compare with the
/// static values (`error == .rootMismatch`).
public struct MerkleError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case leafIndexOutOfRange
        case sizesOutOfOrder
        case emptyTree
        case proofTooLong
        case proofTooShort
        case rootMismatch
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The leaf index is not below the tree size.
    public static let leafIndexOutOfRange = MerkleError(.leafIndexOutOfRange)
    /// A consistency proof's first size is larger than its second.
    public static let sizesOutOfOrder = MerkleError(.sizesOutOfOrder)
    /// A proof was asked about or offered for a tree of no leaves, where RFC 9162 defines none.
    public static let emptyTree = MerkleError(.emptyTree)
    /// The proof has more hashes than the tree sizes allow.
    public static let proofTooLong = MerkleError(.proofTooLong)
    /// The proof has fewer hashes than the tree sizes require.
    public static let proofTooShort = MerkleError(.proofTooShort)
    /// The proof's hashes do not lead to the expected root (or roots).
    public static let rootMismatch = MerkleError(.rootMismatch)

    public var description: String {
        switch reason {
        case .leafIndexOutOfRange: "the leaf index is not below the tree size"
        case .sizesOutOfOrder: "the first tree size is larger than the second"
        case .emptyTree: "no proof exists for an empty tree"
        case .proofTooLong: "the proof has more hashes than the tree sizes allow"
        case .proofTooShort: "the proof has fewer hashes than the tree sizes require"
        case .rootMismatch: "the proof does not lead to the expected root hash"
        }
    }
}
