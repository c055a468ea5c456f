/// Reed–Solomon error correction over GF(2^8) as QR codes use it (ISO/IEC 18004 §7.5.2 and Annex A): the field of
/// the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator polynomials ∏ (x - α^i) for i in 0 ..< n.
enum ReedSolomon {
    /// The generator polynomial of degree `degree`, its coefficients from x^(degree-1) down to x^0 (the leading 1
    /// of x^degree left out).
    static func generator(degree: Int) -> [UInt8] {
        precondition((1...255).contains(degree), "a Reed-Solomon degree is 1 to 255")
        // Start from 1 and multiply by (x - α^i) for each i; the result is kept without its leading coefficient.
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in coefficients.indices {
                coefficients[index] = multiply(coefficients[index], root)
                if index + 1 < coefficients.count {
                    coefficients[index] ^= coefficients[index + 1]
                }
            }
            root = multiply(root, 0x02)
        }
        return coefficients
    }

    /// The error correction codewords of `data`: the remainder of data(x) · x^n divided by the generator.
    static func remainder(of data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder.removeFirst()
            remainder.append(0)
            for index in remainder.indices {
                remainder[index] ^= multiply(generator[index], factor)
            }
        }
        return remainder
    }

    /// The product of two field elements: carry-less multiplication reduced by 0x11D (Russian peasant method).
    static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
        var product: UInt16 = 0
        var shifted = UInt16(left)
        var bits = right
        while bits != 0 {
            if bits & 1 == 1 {
                product ^= shifted
            }
            shifted <<= 1
            if shifted & 0x100 != 0 {
                shifted ^= 0x11d
            }
            bits >>= 1
        }
        return UInt8(product)
    }
}
