/// A SHA-256 hash in an RFC 9162 Merkle tree: a leaf hash, an interior node's hash or a tree head's root.
///
/// Always exactly 32 bytes: a value of this type cannot carry a truncated or overlong hash into a verifier.
public struct MerkleHash: Hashable, Sendable, CustomStringConvertible {
    /// The number of bytes of every hash (SHA-256).
    public static let byteCount = 32

    /// The hash's 32 bytes.
    public let bytes: [UInt8]

    /// The hash made of `bytes`, or nil unless there are exactly 32 of them.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = Array(bytes)
    }

    /// The hash whose canonical standard base64 (RFC 4648 §4) is `base64`, or nil.
    public init?(base64: some StringProtocol) {
        guard let bytes = StrictBase64.decode(base64) else { return nil }
        self.init(bytes: bytes)
    }

    /// The hash whose hexadecimal spelling is `hex` (64 digits, either case), or nil.
    public init?(hex: some StringProtocol) {
        guard let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    private init(digest: [UInt8]) {
        bytes = digest
    }

    /// The standard base64 of the 32 bytes, as a checkpoint's root hash line spells it.
    public var base64: String { StrictBase64.encode(bytes) }

    /// Lower-case hexadecimal.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }

    /// The leaf hash of an entry (RFC 9162 §2.1.1): SHA-256(0x00 ‖ entry).
    public static func leaf(_ entry: some Collection<UInt8>) -> MerkleHash {
        MerkleHash(digest: SHA256Digest.hash([0x00] + Array(entry)))
    }

    /// The hash of an interior node (RFC 9162 §2.1.1): SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        MerkleHash(digest: SHA256Digest.hash([0x01] + left.bytes + right.bytes))
    }

    /// The root of the empty tree (RFC 9162 §2.1.1): SHA-256 of no bytes.
    public static let emptyTree = MerkleHash(digest: SHA256Digest.hash([]))
}
