/// Tree heads and proofs of an append-only log, computed as RFC 9162 §2.1 defines them, from a `MerkleLeafSource`.
///
/// Every hash is computed on demand from the source's leaf hashes (or its stored complete subtrees): memory stays
/// O(log n) whatever the tree's size. A size passed in names a snapshot of the log, so a proof for an older tree
/// head can be generated after more entries were appended.
public struct MerkleTree<Source: MerkleLeafSource> {
    /// Where the leaf hashes come from.
    public let source: Source

    /// A tree over `source`'s leaves.
    public init(source: Source) {
        self.source = source
    }

    /// The Merkle Tree Hash of the first `size` leaves (RFC 9162 §2.1.1); the hash of no bytes for size 0.
    public func rootHash(size: UInt64) throws -> MerkleHash {
        size == 0 ? .emptyTree : try subtreeHash(start: 0, count: size)
    }

    /// The inclusion proof of leaf `leafIndex` in the tree of the first `treeSize` leaves (RFC 9162 §2.1.3.1,
    /// PATH(m, D[n])): the hashes from the leaf's sibling up to the root's other child.
    /// - Throws: `MerkleError.leafIndexOutOfRange` unless `leafIndex < treeSize`, or the source's error.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) throws -> [MerkleHash] {
        guard leafIndex < treeSize else { throw MerkleError.leafIndexOutOfRange }
        // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) when m < k, else PATH(m - k, D[k:n]) : MTH(D[0:k]).
        // Walking down from the root meets the last element of the proof first, hence the reversal.
        var path: [MerkleHash] = []
        var start: UInt64 = 0
        var count = treeSize
        var index = leafIndex
        while count > 1 {
            let split = Self.largestPowerOfTwo(below: count)
            if index < split {
                path.append(try subtreeHash(start: start + split, count: count - split))
                count = split
            } else {
                path.append(try subtreeHash(start: start, count: split))
                start += split
                index -= split
                count -= split
            }
        }
        return path.reversed()
    }

    /// The consistency proof between the tree heads of sizes `first` and `second` (RFC 9162 §2.1.4.1,
    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true)); empty when the sizes are equal.
    /// - Throws: `MerkleError.emptyTree` for a first size of 0 (RFC 9162 defines proofs for 0 < m only),
    ///   `MerkleError.sizesOutOfOrder` when `first > second`, or the source's error.
    public func consistencyProof(from first: UInt64, to second: UInt64) throws -> [MerkleHash] {
        guard first > 0 else { throw MerkleError.emptyTree }
        guard first <= second else { throw MerkleError.sizesOutOfOrder }
        // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])};
        // SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n]) when m <= k,
        //                      = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]) otherwise.
        var proof: [MerkleHash] = []
        var start: UInt64 = 0
        var count = second
        var old = first
        var isWholeOldTree = true
        while old != count {
            let split = Self.largestPowerOfTwo(below: count)
            if old <= split {
                proof.append(try subtreeHash(start: start + split, count: count - split))
                count = split
            } else {
                proof.append(try subtreeHash(start: start, count: split))
                start += split
                old -= split
                count -= split
                isWholeOldTree = false
            }
        }
        if !isWholeOldTree {
            proof.append(try subtreeHash(start: start, count: count))
        }
        return proof.reversed()
    }

    /// MTH(D[start : start + count]) for `count >= 1`, recursing on the largest power of two below `count`.
    /// The recursion is at most 64 frames deep, each holding two hashes.
    func subtreeHash(start: UInt64, count: UInt64) throws -> MerkleHash {
        if count == 1 {
            return try source.leafHash(at: start)
        }
        if count & (count - 1) == 0, let stored = try source.completeSubtreeHash(start: start, count: count) {
            return stored
        }
        let split = Self.largestPowerOfTwo(below: count)
        let left = try subtreeHash(start: start, count: split)
        let right = try subtreeHash(start: start + split, count: count - split)
        return .node(left, right)
    }

    /// The largest power of two strictly below `count` (which is at least 2): RFC 9162's k with k < n <= 2k.
    static func largestPowerOfTwo(below count: UInt64) -> UInt64 {
        UInt64(1) << (63 - (count - 1).leadingZeroBitCount)
    }
}
