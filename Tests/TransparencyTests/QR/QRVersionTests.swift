import Testing

@testable import Transparency

/// The version tables at level M against ISO/IEC 18004's own tables (as published by QR Code tutorials and the
/// ZXing decoder, data only).
@Suite("QR Code versions at level M")
struct QRVersionTests {
    /// ISO/IEC 18004 Table 7: data codewords at level M, versions 1 ... 40.
    static let dataCodewords = [
        16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
        714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216,
        2334,
    ]

    @Test("data codewords of every version match the standard's table")
    func dataCapacity() {
        #expect(QRVersion.range.map { QRVersion($0).dataCodewords } == Self.dataCodewords)
    }

    @Test("total codewords, size and byte capacity of a few versions")
    func totals() {
        #expect([1, 2, 7, 14, 40].map { QRVersion($0).totalCodewords } == [26, 44, 196, 581, 3706])
        #expect([1, 7, 40].map { QRVersion($0).size } == [21, 45, 177])
        #expect((1...10).map { QRVersion($0).byteCapacity } == [14, 26, 42, 62, 84, 106, 122, 152, 180, 213])
        #expect(QRVersion(40).byteCapacity == 2331)
    }

    @Test(
        "blocks match Table 9: count, data codewords per block, error correction per block",
        arguments: [
            (1, [16], 10), (2, [28], 16), (5, [43, 43], 24), (6, [27, 27, 27, 27], 16),
            (10, [43, 43, 43, 43, 44], 26), (14, [40, 40, 40, 40, 41, 41, 41, 41, 41], 24),
            (40, Array(repeating: 47, count: 18) + Array(repeating: 48, count: 31), 28),
        ])
    func blocks(version: Int, dataBlocks: [Int], errorCorrection: Int) {
        let version = QRVersion(version)
        #expect(version.dataBlockLengths == dataBlocks)
        #expect(version.errorCorrectionCodewordsPerBlock == errorCorrection)
        #expect(dataBlocks.reduce(0, +) + dataBlocks.count * errorCorrection == version.totalCodewords)
    }

    /// ISO/IEC 18004 Annex E: row/column coordinates of alignment pattern centres, versions 2 ... 40.
    static let alignment: [[Int]] = [
        [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
        [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78],
        [6, 30, 56, 82], [6, 30, 58, 86], [6, 34, 62, 90], [6, 28, 50, 72, 94], [6, 26, 50, 74, 98],
        [6, 30, 54, 78, 102], [6, 28, 54, 80, 106], [6, 32, 58, 84, 110], [6, 30, 58, 86, 114],
        [6, 34, 62, 90, 118], [6, 26, 50, 74, 98, 122], [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130],
        [6, 30, 56, 82, 108, 134], [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142], [6, 34, 62, 90, 118, 146],
        [6, 30, 54, 78, 102, 126, 150], [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158],
        [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170],
    ]

    @Test("alignment pattern centres of every version match Annex E")
    func alignmentCenters() {
        #expect(QRVersion(1).alignmentPatternCenters.isEmpty)
        #expect((2...40).map { QRVersion($0).alignmentPatternCenters } == Self.alignment)
    }

    /// ISO/IEC 18004 Annex D: the version information words of versions 7 ... 40.
    static let versionWords = [
        0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78, 0x1145D, 0x12A17,
        0x13532, 0x149A6, 0x15683, 0x168C9, 0x177EC, 0x18EC4, 0x191E1, 0x1AFAB, 0x1B08E, 0x1CC1A, 0x1D33F, 0x1ED75,
        0x1F250, 0x209D5, 0x216F0, 0x228BA, 0x2379F, 0x24B0B, 0x2542E, 0x26A64, 0x27541, 0x28C69,
    ]

    @Test("version information words match Annex D, format information words match Annex C for level M")
    func bchWords() {
        #expect((7...40).map(QRFormat.versionBits) == Self.versionWords)
        #expect(
            QRMask.all.map { QRFormat.formatBits(levelM: $0) }
                == [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0])
    }

    @Test("the smallest version is chosen: 14 bytes fit version 1, 15 need version 2, 2332 fit none")
    func versionChoice() throws {
        #expect(QRVersion.smallest(holding: 0)?.number == 1)
        #expect(QRVersion.smallest(holding: 14)?.number == 1)
        #expect(QRVersion.smallest(holding: 15)?.number == 2)
        #expect(QRVersion.smallest(holding: 213)?.number == 10)
        #expect(QRVersion.smallest(holding: 214)?.number == 11)
        #expect(QRVersion.smallest(holding: 2331)?.number == 40)
        #expect(QRVersion.smallest(holding: 2332) == nil)
        #expect(try QRCode(bytes: [UInt8](repeating: 0x41, count: 2331)).version == 40)
        #expect(throws: QRCodeError.tooLong(byteCount: 2332, maximum: 2331)) {
            try QRCode(bytes: [UInt8](repeating: 0x41, count: 2332))
        }
    }
}
