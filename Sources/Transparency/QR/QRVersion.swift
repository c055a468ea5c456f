/// A QR Code version (1 ... 40) at error correction level M, and what ISO/IEC 18004 fixes for it: size, codeword
/// counts, Reed–Solomon blocks, alignment pattern positions, character count width of byte mode.
struct QRVersion: Hashable, Sendable {
    /// The smallest and largest versions.
    static let range = 1...40

    /// The version number.
    let number: Int

    init(_ number: Int) {
        precondition(Self.range.contains(number), "QR Code versions are 1 to 40")
        self.number = number
    }

    /// The smallest version whose byte mode capacity at level M holds `byteCount` bytes, or nil past version 40.
    static func smallest(holding byteCount: Int) -> QRVersion? {
        range.lazy.map(QRVersion.init).first { $0.byteCapacity >= byteCount }
    }

    /// Modules per side: 17 + 4 × version.
    var size: Int { 17 + 4 * number }

    /// Error correction codewords per block at level M (ISO/IEC 18004 Table 9).
    var errorCorrectionCodewordsPerBlock: Int { Self.levelMCodewordsPerBlock[number - 1] }

    /// Reed–Solomon blocks at level M (ISO/IEC 18004 Table 9).
    var blockCount: Int { Self.levelMBlocks[number - 1] }

    /// All codewords of the symbol: the data modules left by the function patterns, divided by 8 (the rest are
    /// remainder bits).
    var totalCodewords: Int { dataModuleCount / 8 }

    /// The data codewords at level M.
    var dataCodewords: Int { totalCodewords - errorCorrectionCodewordsPerBlock * blockCount }

    /// The data codewords of each block, in order: the data divides as evenly as it can, the longer blocks (one
    /// more codeword) last.
    var dataBlockLengths: [Int] {
        let short = dataCodewords / blockCount
        let long = dataCodewords % blockCount
        return (0..<blockCount).map { short + ($0 >= blockCount - long ? 1 : 0) }
    }

    /// The width of byte mode's character count indicator: 8 bits up to version 9, 16 bits from version 10.
    var characterCountBits: Int { number < 10 ? 8 : 16 }

    /// The most bytes byte mode holds at level M: data bits less the mode indicator and the count.
    var byteCapacity: Int { (dataCodewords * 8 - 4 - characterCountBits) / 8 }

    /// The modules left for codewords and remainder bits once finder patterns and separators, timing patterns,
    /// alignment patterns, the dark module, format information and version information are placed.
    var dataModuleCount: Int {
        var count = size * size
        count -= 3 * 64  // finder patterns with their separators
        count -= 2 * (size - 16)  // timing patterns between the separators
        count -= 2 * 15 + 1  // format information, twice, and the dark module
        let alignment = alignmentPatternCenters.count
        if alignment > 0 {
            // alignment² patterns less the three under finders, each 25 modules, less the 5 modules of each that
            // sit on a timing pattern (2 × (alignment - 2) patterns touch one).
            count -= (alignment * alignment - 3) * 25 - 2 * (alignment - 2) * 5
        }
        if number >= 7 {
            count -= 2 * 18  // version information, twice
        }
        return count
    }

    /// The row and column coordinates of alignment pattern centres (ISO/IEC 18004 Annex E): 6, then evenly spaced
    /// (by an even step) up to size - 7. Patterns that would overlap a finder pattern are not drawn.
    var alignmentPatternCenters: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let last = size - 7
        // The step is even and the spread as even as possible; version 32 is the one exception the table makes.
        let step = number == 32 ? 26 : (number * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        return [6] + (0..<(count - 1)).map { last - $0 * step }.reversed()
    }

    /// ISO/IEC 18004 Table 9, level M: error correction codewords per block, versions 1 ... 40.
    private static let levelMCodewordsPerBlock = [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]

    /// ISO/IEC 18004 Table 9, level M: number of blocks, versions 1 ... 40.
    private static let levelMBlocks = [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]
}
