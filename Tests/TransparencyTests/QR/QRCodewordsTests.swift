import Testing

@testable import Transparency

/// Data encoding and Reed–Solomon error correction against published worked examples: the "HELLO WORLD" 1-M and
/// "01234567" 1-M examples (ISO/IEC 18004 Annex I, thonky.com's tutorial), the "PagedOut!" byte mode 1-M example
/// ("An Artisanal QR Code", PagedOut! #2), and thonky.com's 5-Q blocks.
@Suite("QR Code codewords")
struct QRCodewordsTests {
    static let helloWorldData: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
    static let helloWorldErrorCorrection: [UInt8] = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]

    @Test("GF(256) multiplication reduces by x^8 + x^4 + x^3 + x^2 + 1")
    func fieldArithmetic() {
        #expect(ReedSolomon.multiply(2, 128) == 0x1d)
        #expect(ReedSolomon.multiply(0, 77) == 0)
        #expect(ReedSolomon.multiply(1, 77) == 77)
        #expect(ReedSolomon.multiply(3, 7) == 9)
    }

    @Test("the generator polynomial of degree 10 is the published one")
    func generator() {
        #expect(ReedSolomon.generator(degree: 10) == [216, 194, 159, 111, 199, 94, 95, 113, 157, 193])
    }

    @Test("error correction codewords of the published 1-M examples")
    func singleBlockExamples() {
        let generator = ReedSolomon.generator(degree: 10)
        #expect(ReedSolomon.remainder(of: Self.helloWorldData, generator: generator) == Self.helloWorldErrorCorrection)
        let annexI: [UInt8] = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17]
        #expect(
            ReedSolomon.remainder(of: annexI, generator: generator) == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
        #expect(
            QRCodewords.withErrorCorrection(Self.helloWorldData, version: QRVersion(1))
                == Self.helloWorldData + Self.helloWorldErrorCorrection)
    }

    static let fiveQData: [[UInt8]] = [
        [67, 85, 70, 134, 87, 38, 85, 194, 119, 50, 6, 18, 6, 103, 38],
        [246, 246, 66, 7, 118, 134, 242, 7, 38, 86, 22, 198, 199, 146, 6],
        [182, 230, 247, 119, 50, 7, 118, 134, 87, 38, 82, 6, 134, 151, 50, 7],
        [70, 247, 118, 86, 194, 6, 151, 50, 16, 236, 17, 236, 17, 236, 17, 236],
    ]
    static let fiveQErrorCorrection: [[UInt8]] = [
        [213, 199, 11, 45, 115, 247, 241, 223, 229, 248, 154, 117, 154, 111, 86, 161, 111, 39],
        [87, 204, 96, 60, 202, 182, 124, 157, 200, 134, 27, 129, 209, 17, 163, 163, 120, 133],
        [148, 116, 177, 212, 76, 133, 75, 242, 238, 76, 195, 230, 189, 10, 108, 240, 192, 141],
        [235, 159, 5, 173, 24, 147, 59, 33, 106, 40, 255, 172, 82, 2, 131, 32, 178, 236],
    ]

    /// The tutorial's fourth block is known to carry a typo in its data, so only the first three are checked.
    @Test("error correction of the published 5-Q blocks (18 codewords each)")
    func multiBlockExample() {
        let generator = ReedSolomon.generator(degree: 18)
        for block in 0..<3 {
            #expect(
                ReedSolomon.remainder(of: Self.fiveQData[block], generator: generator)
                    == Self.fiveQErrorCorrection[block])
        }
    }

    @Test("interleaving the 5-Q blocks gives the published final message")
    func interleaving() {
        let published: [UInt8] = [
            67, 246, 182, 70, 85, 246, 230, 247, 70, 66, 247, 118, 134, 7, 119, 86, 87, 118, 50, 194, 38, 134, 7, 6,
            85, 242, 118, 151, 194, 7, 134, 50, 119, 38, 87, 16, 50, 86, 38, 236, 6, 22, 82, 17, 18, 198, 6, 236, 6,
            199, 134, 17, 103, 146, 151, 236, 38, 6, 50, 17, 7, 236, 213, 87, 148, 235, 199, 204, 116, 159, 11, 96,
            177, 5, 45, 60, 212, 173, 115, 202, 76, 24, 247, 182, 133, 147, 241, 124, 75, 59, 223, 157, 242, 33,
            229, 200, 238, 106, 248, 134, 76, 40, 154, 27, 195, 255, 117, 129, 230, 172, 154, 209, 189, 82, 111, 17,
            10, 2, 86, 163, 108, 131, 161, 163, 240, 32, 111, 120, 192, 178, 39, 133, 141, 236,
        ]
        #expect(
            QRCodewords.interleave(Self.fiveQData) + QRCodewords.interleave(Self.fiveQErrorCorrection) == published)
    }

    @Test("byte mode data codewords of \"PagedOut!\" in version 1 are the published ones")
    func byteModeData() {
        #expect(
            QRCodewords.data(Array("PagedOut!".utf8), version: QRVersion(1))
                == [64, 149, 6, 22, 118, 86, 68, 247, 87, 66, 16, 236, 17, 236, 17, 236])
    }

    @Test("a full version 1 ends in the 4-bit terminator; from version 10 the count takes 16 bits")
    func capacityEdges() {
        let full = QRCodewords.data([UInt8](repeating: 0xff, count: 14), version: QRVersion(1))
        #expect(full.count == 16)
        #expect(full[0] == 0x40 && full[1] == 0xef && full[15] == 0xf0)
        let version10 = QRCodewords.data([0xab], version: QRVersion(10))
        #expect(Array(version10.prefix(5)) == [0x40, 0x00, 0x1a, 0xb0, 0xec])
    }
}
