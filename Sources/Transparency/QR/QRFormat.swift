/// The BCH-protected words that tell a reader how to read the symbol (ISO/IEC 18004 §7.9 and §7.10, Annex C/D).
enum QRFormat {
    /// The 15 format bits for level M and `mask`: 2 bits of level (M is 00), 3 of mask, 10 of BCH(15,5) with
    /// generator x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 (0x537), XORed with 101010000010010 (0x5412) so that they
    /// are never all light.
    static func formatBits(levelM mask: QRMask) -> Int {
        let data = 0b00 << 3 | mask.number
        return (data << 10 | bchRemainder(data, generator: 0x537, degree: 10)) ^ 0x5412
    }

    /// The 18 version bits for `version` (7 ... 40): 6 bits of version, 12 of BCH(18,6) with generator
    /// x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 (0x1F25).
    static func versionBits(_ version: Int) -> Int {
        version << 12 | bchRemainder(version, generator: 0x1f25, degree: 12)
    }

    /// The remainder of value(x) · x^degree divided by the generator, over GF(2).
    private static func bchRemainder(_ value: Int, generator: Int, degree: Int) -> Int {
        var remainder = value << degree
        for shift in stride(from: 30, through: degree, by: -1) where remainder >> shift & 1 == 1 {
            remainder ^= generator << (shift - degree)
        }
        return remainder
    }
}
