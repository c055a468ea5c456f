/// A QR Code symbol (ISO/IEC 18004) of some bytes: byte mode, error correction level M (about 15 % of codewords
/// recoverable), the smallest version from 1 to 40 that holds them, and the mask with the lowest penalty.
///
/// Byte mode carries bytes, not characters; text is encoded as its UTF-8 bytes, which phone readers, zbar and the
/// other common decoders read as UTF-8.
public struct QRCode: Sendable {
    /// The version, 1 ... 40.
    public let version: Int
    /// The data mask pattern chosen, 0 ... 7.
    public let mask: Int
    /// Modules per side (17 + 4 × version), without the quiet zone.
    public let size: Int
    private let modules: [Bool]

    /// The most bytes a symbol holds (version 40, level M, byte mode).
    public static let maximumByteCount = QRVersion(40).byteCapacity

    /// The symbol of `bytes`.
    /// - Throws: `QRCodeError.tooLong` beyond `maximumByteCount` bytes.
    public init(bytes: some Collection<UInt8>) throws(QRCodeError) {
        let bytes = Array(bytes)
        guard let version = QRVersion.smallest(holding: bytes.count) else {
            throw .tooLong(byteCount: bytes.count, maximum: Self.maximumByteCount)
        }
        let codewords = QRCodewords.withErrorCorrection(QRCodewords.data(bytes, version: version), version: version)
        var unmasked = QRMatrix(version: version)
        unmasked.place(codewords)
        var best: (matrix: QRMatrix, mask: QRMask, penalty: Int)?
        for mask in QRMask.all {
            var candidate = unmasked
            candidate.apply(mask)
            candidate.drawFormatInformation(QRFormat.formatBits(levelM: mask))
            let penalty = QRMask.penalty(of: candidate)
            if penalty < best?.penalty ?? .max {
                best = (candidate, mask, penalty)
            }
        }
        let chosen = best!
        self.version = version.number
        self.mask = chosen.mask.number
        self.size = version.size
        self.modules = chosen.matrix.modules
    }

    /// The symbol of `text`'s UTF-8 bytes.
    public init(text: String) throws(QRCodeError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// Whether the module at column `x`, row `y` (from the top-left corner, both in 0 ..< size) is dark.
    public func isDark(x: Int, y: Int) -> Bool {
        precondition((0..<size).contains(x) && (0..<size).contains(y), "module outside the symbol")
        return modules[y * size + x]
    }
}

/// Why a QR Code could not be made.
public enum QRCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// More bytes than a version 40 symbol at level M holds.
    case tooLong(byteCount: Int, maximum: Int)

    public var description: String {
        switch self {
        case .tooLong(let byteCount, let maximum):
            "\(byteCount) bytes do not fit a QR Code (at most \(maximum) in byte mode at level M)"
        }
    }
}
