import Transparency

/// A log held in memory: the leaf hashes of its entries, and optionally its complete subtrees as a store would
/// keep them. Counts the leaves it is asked for, to show what stored subtrees save.
final class ArrayLeafSource: MerkleLeafSource {
    let leafHashes: [MerkleHash]
    private let storedSubtrees: [String: MerkleHash]
    private(set) var leafReads = 0

    init(entries: [[UInt8]], storingSubtrees: Bool = false) {
        let hashes = entries.map { MerkleHash.leaf($0) }
        leafHashes = hashes
        var stored: [String: MerkleHash] = [:]
        if storingSubtrees {
            var size = 2
            while size <= hashes.count {
                for start in stride(from: 0, through: hashes.count - size, by: size) {
                    stored["\(start)/\(size)"] = ReferenceMerkle.root(Array(hashes[start..<start + size]))
                }
                size *= 2
            }
        }
        storedSubtrees = stored
    }

    func leafHash(at index: UInt64) throws -> MerkleHash {
        leafReads += 1
        return leafHashes[Int(index)]
    }

    func completeSubtreeHash(start: UInt64, count: UInt64) throws -> MerkleHash? {
        storedSubtrees["\(start)/\(count)"]
    }
}

/// RFC 9162 §2.1.1's Merkle Tree Hash written the plainest way, on arrays, independently of `MerkleTree`.
enum ReferenceMerkle {
    static func root(_ leaves: [MerkleHash]) -> MerkleHash {
        if leaves.isEmpty { return .emptyTree }
        if leaves.count == 1 { return leaves[0] }
        var k = 1
        while k * 2 < leaves.count { k *= 2 }
        return .node(root(Array(leaves[..<k])), root(Array(leaves[k...])))
    }
}

/// The entries of the RFC 6962 test vectors that Trillian and transparency-dev/merkle use (as data).
enum RFC6962Vectors {
    static let entries: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map(TestBytes.hex)

    /// MTH of the first 1 ... 8 entries.
    static let roots: [MerkleHash] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map { MerkleHash(hex: $0)! }

    static func hashes(_ hex: [String]) -> [MerkleHash] {
        hex.map { MerkleHash(hex: $0)! }
    }
}

extension MerkleHash {
    /// This hash with bit `bit` (0 ... 255) flipped.
    func flipping(bit: Int) -> MerkleHash {
        var bytes = self.bytes
        bytes[bit / 8] ^= 1 << UInt8(bit % 8)
        return MerkleHash(bytes: bytes)!
    }
}
