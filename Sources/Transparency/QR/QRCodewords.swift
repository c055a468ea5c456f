/// The codeword sequence of a byte mode symbol at level M: data bits (ISO/IEC 18004 §7.4), split into blocks,
/// each followed by its Reed–Solomon codewords, interleaved (§7.6).
enum QRCodewords {
    /// The data codewords of `bytes` in `version`: mode indicator 0100, character count, the bytes, a terminator of
    /// up to four 0 bits, 0 bits to the byte boundary, then the pad codewords 0xEC and 0x11 alternately.
    static func data(_ bytes: [UInt8], version: QRVersion) -> [UInt8] {
        precondition(bytes.count <= version.byteCapacity, "the bytes do not fit the version")
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version.characterCountBits)
        for byte in bytes {
            bits.append(Int(byte), count: 8)
        }
        let capacity = version.dataCodewords * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xec
        while codewords.count < version.dataCodewords {
            codewords.append(pad)
            pad = pad == 0xec ? 0x11 : 0xec
        }
        return codewords
    }

    /// The final sequence for `data` (exactly `version.dataCodewords` codewords): blocks of the version's layout,
    /// the shorter ones first, each with its error correction, interleaved.
    static func withErrorCorrection(_ data: [UInt8], version: QRVersion) -> [UInt8] {
        precondition(data.count == version.dataCodewords, "data codewords must fill the version")
        let generator = ReedSolomon.generator(degree: version.errorCorrectionCodewordsPerBlock)
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for length in version.dataBlockLengths {
            dataBlocks.append(Array(data[start..<start + length]))
            start += length
        }
        let errorCorrectionBlocks = dataBlocks.map { ReedSolomon.remainder(of: $0, generator: generator) }
        return interleave(dataBlocks) + interleave(errorCorrectionBlocks)
    }

    /// Column by column: the first codeword of each block, then the second, ...; shorter blocks are skipped once
    /// they run out.
    static func interleave(_ blocks: [[UInt8]]) -> [UInt8] {
        let longest = blocks.map(\.count).max() ?? 0
        return (0..<longest).flatMap { column in blocks.compactMap { column < $0.count ? $0[column] : nil } }
    }
}

/// Bits appended most significant first, read out as bytes.
struct BitBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    /// Appends the `count` low bits of `value`, the most significant first.
    mutating func append(_ value: Int, count bitCount: Int) {
        precondition(bitCount >= 0 && (bitCount == 64 || value >> bitCount == 0), "value wider than its field")
        for shift in stride(from: bitCount - 1, through: 0, by: -1) {
            if count % 8 == 0 {
                bytes.append(0)
            }
            if (value >> shift) & 1 == 1 {
                bytes[bytes.count - 1] |= 0x80 >> UInt8(count % 8)
            }
            count += 1
        }
    }
}
