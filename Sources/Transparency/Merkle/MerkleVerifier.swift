/// Checks inclusion and consistency proofs against tree heads, by the algorithms of RFC 9162 §2.1.3.2 and
/// §2.1.4.2, step by step.
///
/// A verifier sees only what an adversary sent: sizes, hashes and proofs are all checked, and a proof with one
/// hash too many or too few fails like a proof with a wrong hash. (immudb's clients once accepted falsified
/// consistency proofs, GHSA-672p-m5jq-mrh8: every rule below is exercised by a test that breaks it.)
public enum MerkleVerifier {
    /// Checks that `leafHash` is the leaf at `leafIndex` of the tree of `treeSize` leaves whose root is `rootHash`.
    /// - Throws: a `MerkleError` saying why not.
    public static func verifyInclusion(
        leafHash: MerkleHash, leafIndex: UInt64, treeSize: UInt64, proof: [MerkleHash], rootHash: MerkleHash
    ) throws(MerkleError) {
        let computed = try rootFromInclusionProof(
            leafHash: leafHash, leafIndex: leafIndex, treeSize: treeSize, proof: proof)
        guard computed == rootHash else { throw MerkleError.rootMismatch }
    }

    /// The root that an inclusion proof leads to from `leafHash` (RFC 9162 §2.1.3.2 without the final comparison),
    /// for a caller that looks the root up afterwards.
    /// - Throws: `MerkleError.leafIndexOutOfRange`, `.proofTooLong` or `.proofTooShort`.
    public static func rootFromInclusionProof(
        leafHash: MerkleHash, leafIndex: UInt64, treeSize: UInt64, proof: [MerkleHash]
    ) throws(MerkleError) -> MerkleHash {
        // 1. leaf_index must be below tree_size.
        guard leafIndex < treeSize else { throw MerkleError.leafIndexOutOfRange }
        // 2. fn = leaf_index, sn = tree_size - 1. 3. r = hash.
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        // 4. For each p in inclusion_path:
        for p in proof {
            // a. sn = 0 with hashes left: the proof is too long.
            guard sn != 0 else { throw MerkleError.proofTooLong }
            if fn & 1 == 1 || fn == sn {
                // b. p is a left sibling: r = HASH(0x01 || p || r); then skip the levels where this subtree is
                // the last, unpaired one (its hash moves up unchanged).
                r = .node(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                // Otherwise p is a right sibling: r = HASH(0x01 || r || p).
                r = .node(r, p)
            }
            // c. Move up one level.
            fn >>= 1
            sn >>= 1
        }
        // 5. Having reached the root, sn is 0; anything else means hashes are missing.
        guard sn == 0 else { throw MerkleError.proofTooShort }
        return r
    }

    /// Checks that the tree of `second` leaves with root `secondHash` extends the tree of `first` leaves with root
    /// `firstHash` (RFC 9162 §2.1.4.2). Equal sizes are consistent only with an empty proof and equal roots.
    /// - Throws: `MerkleError.emptyTree` for a first size of 0 (nothing to prove: RFC 9162 defines the algorithm for
    ///   0 < first < second only), `.sizesOutOfOrder`, `.proofTooLong`, `.proofTooShort` or `.rootMismatch`.
    public static func verifyConsistency(
        first: UInt64, second: UInt64, firstHash: MerkleHash, secondHash: MerkleHash, proof: [MerkleHash]
    ) throws(MerkleError) {
        guard first > 0 else { throw MerkleError.emptyTree }
        guard first <= second else { throw MerkleError.sizesOutOfOrder }
        if first == second {
            guard proof.isEmpty else { throw MerkleError.proofTooLong }
            guard firstHash == secondHash else { throw MerkleError.rootMismatch }
            return
        }
        // 1. An empty consistency_path fails.
        guard !proof.isEmpty else { throw MerkleError.proofTooShort }
        // 2. If first is an exact power of 2, first_hash is the first node of the path.
        var path = proof
        if first & (first - 1) == 0 {
            path.insert(firstHash, at: 0)
        }
        // 3. fn = first - 1, sn = second - 1. 4. Skip the levels where the old tree's last node is a right child.
        var fn = first - 1
        var sn = second - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // 5. fr = sr = the first node of the path.
        var fr = path[0]
        var sr = path[0]
        // 6. For each subsequent c:
        for c in path.dropFirst() {
            // a. sn = 0 with hashes left: the proof is too long.
            guard sn != 0 else { throw MerkleError.proofTooLong }
            if fn & 1 == 1 || fn == sn {
                // b. c is a left sibling, in both trees.
                fr = .node(c, fr)
                sr = .node(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                // Otherwise c is a right sibling that only the second tree has.
                sr = .node(sr, c)
            }
            // c. Move up one level.
            fn >>= 1
            sn >>= 1
        }
        // 7. Both roots must come out, with sn at 0.
        guard sn == 0 else { throw MerkleError.proofTooShort }
        guard fr == firstHash, sr == secondHash else { throw MerkleError.rootMismatch }
    }
}
