/// Where a `MerkleTree` reads the leaf hashes of a log.
///
/// A database-backed log answers from its stored leaf hashes, so proofs are generated without the whole tree in
/// memory. A store that also keeps the hashes of complete subtrees (2^k leaves starting at a multiple of 2^k, which
/// never change once full) answers `completeSubtreeHash(start:count:)` and saves their recomputation.
public protocol MerkleLeafSource {
    /// The leaf hash (`MerkleHash.leaf`) of the entry at `index`, counted from 0.
    func leafHash(at index: UInt64) throws -> MerkleHash

    /// The stored root of the complete subtree of `count` leaves (a power of two, at least 2) from `start` (a
    /// multiple of `count`), or nil to have it computed from the leaves below it.
    func completeSubtreeHash(start: UInt64, count: UInt64) throws -> MerkleHash?
}

extension MerkleLeafSource {
    /// Stores no subtree: every interior hash is computed from the leaves.
    public func completeSubtreeHash(start: UInt64, count: UInt64) throws -> MerkleHash? {
        nil
    }
}
