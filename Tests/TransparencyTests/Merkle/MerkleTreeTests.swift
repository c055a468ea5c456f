import Testing
import Transparency

/// Tree heads and proofs generated as RFC 9162 §2.1 defines them, checked against the RFC 6962 test vectors of
/// Trillian / transparency-dev/merkle and against a brute-force reference for every size up to 64.
@Suite("Merkle tree hashing and proof generation")
struct MerkleTreeTests {
    let vectors = MerkleTree(source: ArrayLeafSource(entries: RFC6962Vectors.entries))

    @Test("leaf and node hashes use the 0x00 and 0x01 prefixes of RFC 9162 §2.1.1")
    func domainSeparation() {
        #expect(MerkleHash.emptyTree.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MerkleHash.leaf([]).hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        let left = MerkleHash.leaf([0x00])
        let right = MerkleHash.leaf([0x10])
        #expect(MerkleHash.node(MerkleHash.leaf([]), left) == RFC6962Vectors.roots[1])
        #expect(MerkleHash.node(left, right) != MerkleHash.node(right, left))
    }

    @Test("the roots of the first 1 to 8 entries are the published ones, and size 0 is the hash of nothing")
    func publishedRoots() throws {
        #expect(try vectors.rootHash(size: 0) == .emptyTree)
        for size in 1...8 {
            #expect(try vectors.rootHash(size: UInt64(size)) == RFC6962Vectors.roots[size - 1], "size \(size)")
        }
    }

    @Test(
        "inclusion proofs are the published ones",
        arguments: [
            (0, 1, [String]()),
            (
                0, 8,
                [
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                5, 8,
                [
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
            (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
            (
                1, 5,
                [
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ]
            ),
        ])
    func publishedInclusionProofs(index: Int, size: Int, proof: [String]) throws {
        let expected = RFC6962Vectors.hashes(proof)
        #expect(try vectors.inclusionProof(leafIndex: UInt64(index), treeSize: UInt64(size)) == expected)
        try MerkleVerifier.verifyInclusion(
            leafHash: .leaf(RFC6962Vectors.entries[index]), leafIndex: UInt64(index), treeSize: UInt64(size),
            proof: expected, rootHash: RFC6962Vectors.roots[size - 1])
    }

    @Test(
        "consistency proofs are the published ones",
        arguments: [
            (1, 1, [String]()),
            (
                1, 8,
                [
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                6, 8,
                [
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
            (
                2, 5,
                [
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ]
            ),
            (
                6, 7,
                [
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
        ])
    func publishedConsistencyProofs(first: Int, second: Int, proof: [String]) throws {
        let expected = RFC6962Vectors.hashes(proof)
        #expect(try vectors.consistencyProof(from: UInt64(first), to: UInt64(second)) == expected)
        try MerkleVerifier.verifyConsistency(
            first: UInt64(first), second: UInt64(second), firstHash: RFC6962Vectors.roots[first - 1],
            secondHash: RFC6962Vectors.roots[second - 1], proof: expected)
    }

    @Test("generation refuses a leaf beyond the tree, a first size of 0 and sizes out of order")
    func generationRefusesImpossibleQuestions() {
        #expect(throws: MerkleError.leafIndexOutOfRange) { try vectors.inclusionProof(leafIndex: 8, treeSize: 8) }
        #expect(throws: MerkleError.leafIndexOutOfRange) { try vectors.inclusionProof(leafIndex: 0, treeSize: 0) }
        #expect(throws: MerkleError.emptyTree) { try vectors.consistencyProof(from: 0, to: 8) }
        #expect(throws: MerkleError.sizesOutOfOrder) { try vectors.consistencyProof(from: 5, to: 4) }
    }

    /// For every size n up to 64: the root equals the reference; every inclusion proof and every consistency proof
    /// from every m ≤ n verifies; and a proof with any one hash corrupted by one bit fails (every bit position is
    /// used across the run, every bit of every hash for sizes up to 8).
    @Test("brute force: every root, inclusion proof and consistency proof up to 64 leaves, and their corruptions")
    func bruteForce() throws {
        let entries = (0..<64).map { [UInt8]("entry \($0)".utf8) }
        let source = ArrayLeafSource(entries: entries)
        let tree = MerkleTree(source: source)
        let roots = (0...64).map { ReferenceMerkle.root(Array(source.leafHashes.prefix($0))) }
        var rotation = 0
        func corruptions(of proof: [MerkleHash], size: Int) -> [[MerkleHash]] {
            proof.indices.flatMap { position in
                let bits = size <= 8 ? Array(0..<256) : [(position * 97 + rotation) % 256]
                rotation += 1
                return bits.map { bit in
                    var corrupted = proof
                    corrupted[position] = proof[position].flipping(bit: bit)
                    return corrupted
                }
            }
        }
        for size in 1...64 {
            let n = UInt64(size)
            #expect(try tree.rootHash(size: n) == roots[size])
            for index in 0..<size {
                let m = UInt64(index)
                let leaf = source.leafHashes[index]
                let proof = try tree.inclusionProof(leafIndex: m, treeSize: n)
                try MerkleVerifier.verifyInclusion(
                    leafHash: leaf, leafIndex: m, treeSize: n, proof: proof, rootHash: roots[size])
                for corrupted in corruptions(of: proof, size: size) {
                    #expect(throws: MerkleError.self) {
                        try MerkleVerifier.verifyInclusion(
                            leafHash: leaf, leafIndex: m, treeSize: n, proof: corrupted, rootHash: roots[size])
                    }
                }
                #expect(throws: MerkleError.self) {
                    try MerkleVerifier.verifyInclusion(
                        leafHash: leaf.flipping(bit: index % 256), leafIndex: m, treeSize: n, proof: proof,
                        rootHash: roots[size])
                }
            }
            for first in 1...size {
                let proof = try tree.consistencyProof(from: UInt64(first), to: n)
                try MerkleVerifier.verifyConsistency(
                    first: UInt64(first), second: n, firstHash: roots[first], secondHash: roots[size], proof: proof)
                for corrupted in corruptions(of: proof, size: size) {
                    #expect(throws: MerkleError.self) {
                        try MerkleVerifier.verifyConsistency(
                            first: UInt64(first), second: n, firstHash: roots[first], secondHash: roots[size],
                            proof: corrupted)
                    }
                }
            }
        }
    }

    @Test("stored complete subtrees give the same hashes and proofs while reading far fewer leaves")
    func storedSubtrees() throws {
        let entries = (0..<300).map { [UInt8]("decision \($0)".utf8) }
        let plain = ArrayLeafSource(entries: entries)
        let stored = ArrayLeafSource(entries: entries, storingSubtrees: true)
        let plainTree = MerkleTree(source: plain)
        let storedTree = MerkleTree(source: stored)
        #expect(try storedTree.rootHash(size: 300) == plainTree.rootHash(size: 300))
        #expect(
            try storedTree.inclusionProof(leafIndex: 77, treeSize: 300)
                == plainTree.inclusionProof(leafIndex: 77, treeSize: 300))
        #expect(
            try storedTree.consistencyProof(from: 123, to: 300)
                == plainTree.consistencyProof(from: 123, to: 300))
        #expect(plain.leafReads > 600)
        #expect(stored.leafReads * 10 < plain.leafReads)
    }
}
