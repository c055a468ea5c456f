import Testing
import Transparency

/// The verifiers facing an adversary: the probes of transparency-dev/merkle's tests (wrong index, wrong sizes,
/// wrong roots, hashes added, removed, swapped) on the published vectors, each expected to fail with its reason.
@Suite("Merkle proof verification under attack")
struct MerkleVerifierTests {
    let roots = RFC6962Vectors.roots
    let someHash = MerkleHash(hex: "abacaba000000000000000000000000000000000000000000060061e00123456")!
    let tree = MerkleTree(source: ArrayLeafSource(entries: RFC6962Vectors.entries))

    func leaf(_ index: Int) -> MerkleHash { .leaf(RFC6962Vectors.entries[index]) }

    func inclusionFails(
        _ leafHash: MerkleHash, _ index: UInt64, _ size: UInt64, _ proof: [MerkleHash], _ root: MerkleHash
    ) -> Bool {
        (try? MerkleVerifier.verifyInclusion(
            leafHash: leafHash, leafIndex: index, treeSize: size, proof: proof, rootHash: root)) == nil
    }

    func consistencyFails(
        _ first: UInt64, _ second: UInt64, _ firstHash: MerkleHash, _ secondHash: MerkleHash, _ proof: [MerkleHash]
    ) -> Bool {
        (try? MerkleVerifier.verifyConsistency(
            first: first, second: second, firstHash: firstHash, secondHash: secondHash, proof: proof)) == nil
    }

    @Test("an inclusion proof fails for another index, another tree size, another leaf or another root")
    func inclusionProbes() throws {
        for (index, size) in [(0, 8), (5, 8), (2, 3), (1, 5), (3, 7)] {
            let m = UInt64(index)
            let n = UInt64(size)
            let proof = try tree.inclusionProof(leafIndex: m, treeSize: n)
            let root = roots[size - 1]
            let leafHash = leaf(index)
            try MerkleVerifier.verifyInclusion(
                leafHash: leafHash, leafIndex: m, treeSize: n, proof: proof, rootHash: root)
            if index > 0 { #expect(inclusionFails(leafHash, m - 1, n, proof, root)) }
            #expect(inclusionFails(leafHash, m + 1, n, proof, root))
            #expect(inclusionFails(leafHash, m ^ 2, n, proof, root))
            #expect(inclusionFails(leafHash, m, n * 2, proof, root))
            #expect(inclusionFails(leafHash, m, n / 2, proof, root))
            #expect(inclusionFails(leaf((index + 1) % size), m, n, proof, root), "a proof for another leaf")
            #expect(inclusionFails(leafHash, m, n, proof, .emptyTree))
            #expect(inclusionFails(leafHash, m, n, proof, someHash))
            #expect(inclusionFails(leafHash, m, n, proof + [root], root), "trailing root")
            #expect(inclusionFails(leafHash, m, n, [root] + proof, root), "preceding root")
            #expect(inclusionFails(leafHash, m, n, Array(proof.dropLast()), root), "removed component")
            if proof.count > 1 {
                #expect(inclusionFails(leafHash, m, n, [proof[0], someHash] + proof.dropFirst(), root), "inserted")
                #expect(inclusionFails(leafHash, m, n, [proof[1], proof[0]] + proof.dropFirst(2), root), "swapped")
            }
        }
    }

    @Test("a proof one hash too long or too short says so")
    func inclusionLengthReasons() throws {
        let proof = try tree.inclusionProof(leafIndex: 5, treeSize: 8)
        #expect(throws: MerkleError.proofTooLong) {
            try MerkleVerifier.verifyInclusion(
                leafHash: leaf(5), leafIndex: 5, treeSize: 8, proof: proof + [someHash], rootHash: roots[7])
        }
        #expect(throws: MerkleError.proofTooShort) {
            try MerkleVerifier.verifyInclusion(
                leafHash: leaf(5), leafIndex: 5, treeSize: 8, proof: Array(proof.dropLast()), rootHash: roots[7])
        }
        #expect(throws: MerkleError.rootMismatch) {
            try MerkleVerifier.verifyInclusion(
                leafHash: leaf(4), leafIndex: 5, treeSize: 8, proof: proof, rootHash: roots[7])
        }
    }

    @Test("an inclusion proof needs a leaf index below a non-zero tree size")
    func inclusionIndexBounds() {
        for (index, size) in [(0, 0), (1, 0), (1, 1), (2, 1), (8, 8)] as [(UInt64, UInt64)] {
            #expect(throws: MerkleError.leafIndexOutOfRange) {
                try MerkleVerifier.verifyInclusion(
                    leafHash: someHash, leafIndex: index, treeSize: size, proof: [], rootHash: someHash)
            }
        }
    }

    @Test("the one-leaf tree: its root is its leaf hash and the proof is empty")
    func singleLeaf() throws {
        let hash = MerkleHash.leaf(Array("data".utf8))
        try MerkleVerifier.verifyInclusion(leafHash: hash, leafIndex: 0, treeSize: 1, proof: [], rootHash: hash)
        #expect(inclusionFails(hash, 0, 1, [], .emptyTree))
        #expect(inclusionFails(.emptyTree, 0, 1, [], hash))
        #expect(inclusionFails(hash, 0, 1, [hash], hash))
    }

    @Test("a consistency proof fails for other sizes, other roots, swapped roots, and hashes added or removed")
    func consistencyProbes() throws {
        for (first, second) in [(1, 8), (6, 8), (2, 5), (6, 7), (3, 4), (4, 8)] {
            let m = UInt64(first)
            let n = UInt64(second)
            let proof = try tree.consistencyProof(from: m, to: n)
            let root1 = roots[first - 1]
            let root2 = roots[second - 1]
            try MerkleVerifier.verifyConsistency(first: m, second: n, firstHash: root1, secondHash: root2, proof: proof)
            #expect(consistencyFails(m - 1, n, root1, root2, proof), "size1 - 1")
            #expect(consistencyFails(m + 1, n, root1, root2, proof), "size1 + 1")
            #expect(consistencyFails(m ^ 2, n, root1, root2, proof), "size1 ^ 2")
            #expect(consistencyFails(m, n * 2, root1, root2, proof), "size2 * 2")
            #expect(consistencyFails(m, n / 2, root1, root2, proof), "size2 / 2")
            #expect(consistencyFails(m, n, someHash, root2, proof), "wrong root1")
            #expect(consistencyFails(m, n, root1, someHash, proof), "wrong root2")
            #expect(consistencyFails(m, n, root2, root1, proof), "swapped roots")
            #expect(consistencyFails(m, n, root1, root2, []), "empty proof")
            #expect(consistencyFails(m, n, root1, root2, proof + [root1]), "trailing root1")
            #expect(consistencyFails(m, n, root1, root2, proof + [root2]), "trailing root2")
            #expect(consistencyFails(m, n, root1, root2, [root1] + proof), "preceding root1")
            #expect(consistencyFails(m, n, root1, root2, [root2] + proof), "preceding root2")
            #expect(consistencyFails(m, n, root1, root2, [proof[0]] + proof), "preceding proof[0]")
            #expect(consistencyFails(m, n, root1, root2, Array(proof.dropLast())), "truncated")
            if proof.count > 1 {
                #expect(consistencyFails(m, n, root1, root2, [proof[1], proof[0]] + proof.dropFirst(2)), "swapped")
            }
        }
    }

    @Test("consistency refuses a first size of 0, a first size above the second, and equal sizes with a proof")
    func consistencySizes() {
        #expect(throws: MerkleError.emptyTree) {
            try MerkleVerifier.verifyConsistency(
                first: 0, second: 8, firstHash: .emptyTree, secondHash: roots[7], proof: [])
        }
        #expect(throws: MerkleError.emptyTree) {
            try MerkleVerifier.verifyConsistency(
                first: 0, second: 0, firstHash: .emptyTree, secondHash: .emptyTree, proof: [])
        }
        #expect(throws: MerkleError.sizesOutOfOrder) {
            try MerkleVerifier.verifyConsistency(
                first: 8, second: 6, firstHash: roots[7], secondHash: roots[5], proof: [])
        }
        #expect(throws: MerkleError.sizesOutOfOrder) {
            try MerkleVerifier.verifyConsistency(
                first: 2, second: 1, firstHash: roots[1], secondHash: roots[0], proof: [])
        }
        #expect(throws: MerkleError.proofTooLong) {
            try MerkleVerifier.verifyConsistency(
                first: 8, second: 8, firstHash: roots[7], secondHash: roots[7], proof: [.emptyTree])
        }
        #expect(throws: MerkleError.rootMismatch) {
            try MerkleVerifier.verifyConsistency(
                first: 8, second: 8, firstHash: roots[7], secondHash: roots[6], proof: [])
        }
        #expect(throws: MerkleError.proofTooShort) {
            try MerkleVerifier.verifyConsistency(
                first: 1, second: 2, firstHash: roots[0], secondHash: roots[1], proof: [])
        }
    }

    @Test("a consistency proof one hash too long or too short says so")
    func consistencyLengthReasons() throws {
        let proof = try tree.consistencyProof(from: 6, to: 8)
        #expect(throws: MerkleError.proofTooLong) {
            try MerkleVerifier.verifyConsistency(
                first: 6, second: 8, firstHash: roots[5], secondHash: roots[7], proof: proof + [someHash])
        }
        #expect(throws: MerkleError.proofTooShort) {
            try MerkleVerifier.verifyConsistency(
                first: 6, second: 8, firstHash: roots[5], secondHash: roots[7], proof: Array(proof.dropLast()))
        }
    }

    @Test("a tree head is consistent with itself through the empty proof")
    func equalSizes() throws {
        try MerkleVerifier.verifyConsistency(first: 8, second: 8, firstHash: roots[7], secondHash: roots[7], proof: [])
    }

    /// The shape of GHSA-672p-m5jq-mrh8: a log that rewrote history offers a proof built from the new tree only.
    /// Consistency must bind the old root, not just the new one.
    @Test("a rewritten history cannot prove consistency with the old tree head")
    func rewrittenHistory() throws {
        let original = (0..<6).map { [UInt8]("event \($0)".utf8) }
        var rewritten = original
        rewritten[2] = Array("event 2, edited".utf8)
        rewritten += (6..<9).map { [UInt8]("event \($0)".utf8) }
        let oldTree = MerkleTree(source: ArrayLeafSource(entries: original))
        let newTree = MerkleTree(source: ArrayLeafSource(entries: rewritten))
        let oldRoot = try oldTree.rootHash(size: 6)
        let newRoot = try newTree.rootHash(size: 9)
        let forged = try newTree.consistencyProof(from: 6, to: 9)
        #expect(throws: MerkleError.rootMismatch) {
            try MerkleVerifier.verifyConsistency(
                first: 6, second: 9, firstHash: oldRoot, secondHash: newRoot, proof: forged)
        }
    }

    @Test("a hash is exactly 32 bytes, from bytes, canonical base64 or hex")
    func hashLengths() {
        #expect(MerkleHash(bytes: [UInt8](repeating: 0, count: 31)) == nil)
        #expect(MerkleHash(bytes: [UInt8](repeating: 0, count: 33)) == nil)
        #expect(MerkleHash(bytes: []) == nil)
        #expect(MerkleHash(base64: roots[0].base64) == roots[0])
        #expect(MerkleHash(base64: "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=") == roots[0])
        #expect(MerkleHash(base64: "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0") == nil, "padding missing")
        #expect(MerkleHash(base64: "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB1=") == nil, "non-canonical last bits")
        #expect(MerkleHash(base64: " bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=") == nil, "whitespace")
        #expect(MerkleHash(hex: String(roots[0].hex.dropLast(2))) == nil)
    }
}
