/// Byte classes and case-insensitive comparisons for the ASCII parts of HTTP (RFC 9110 §5.6).
enum ASCII {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let comma: UInt8 = 0x2C
    static let slash: UInt8 = 0x2F
    static let question: UInt8 = 0x3F
    static let percent: UInt8 = 0x25
    static let plus: UInt8 = 0x2B
    static let equals: UInt8 = 0x3D
    static let ampersand: UInt8 = 0x26

    /// A `tchar` of RFC 9110 §5.6.2: the bytes allowed in methods and field names.
    @inline(__always)
    static func isTokenChar(_ byte: UInt8) -> Bool {
        // One bit per ASCII byte: DIGIT, ALPHA and !#$%&'*+-.^_`|~.
        let below64: UInt64 = 0x03FF_6CFA_0000_0000
        let from64: UInt64 = 0x57FF_FFFF_C7FF_FFFE
        if byte < 64 { return (below64 >> UInt64(byte)) & 1 == 1 }
        return byte < 128 && (from64 >> UInt64(byte &- 64)) & 1 == 1
    }

    /// A byte allowed inside a field value (RFC 9110 §5.5): HTAB, SP, VCHAR and obs-text, never CTL.
    @inline(__always)
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == tab || (byte >= 0x20 && byte != 0x7F)
    }

    /// Optional whitespace (OWS) of RFC 9110 §5.6.3.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// The value of a hexadecimal digit, nil for any other byte.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte &- 0x30)
        case 0x41...0x46: Int(byte &- 0x41 &+ 10)
        case 0x61...0x66: Int(byte &- 0x61 &+ 10)
        default: nil
        }
    }

    /// Whether any of the eight bytes in `word` is below 0x20 or DEL: a control byte, or HTAB, in a value.
    @inline(__always)
    static func mayContainControl(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        return (word &- ones &* 0x20) & ~word & (ones &* 0x80) != 0 || containsByte(word, 0x7F)
    }

    /// Whether any of the eight bytes in `word` is a CR or an LF (a SWAR test: eight bytes per step).
    @inline(__always)
    static func containsLineBreak(_ word: UInt64) -> Bool {
        containsByte(word, cr) || containsByte(word, lf)
    }

    @inline(__always)
    private static func containsByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let candidate = word ^ (ones &* UInt64(byte))
        return (candidate &- ones) & ~candidate & (ones &* 0x80) != 0
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// Whether two strings are equal ignoring ASCII case, without allocating.
    static func equalsIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let l?, let r?) where lowercased(l) == lowercased(r): continue
            default: return false
            }
        }
    }

    /// Whether `bytes` equal `lowercase` (given in lower case) ignoring ASCII case.
    static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, equalLowercase lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for index in 0..<bytes.count where lowercased(bytes[index]) != expected[index] {
            return false
        }
        return true
    }

    /// Whether `bytes` equal `expected` exactly (case-sensitive).
    static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, equal expected: StaticString) -> Bool {
        guard bytes.count == expected.utf8CodeUnitCount else { return false }
        for index in 0..<bytes.count where bytes[index] != expected.utf8Start[index] {
            return false
        }
        return true
    }

    /// The range of `bytes` without leading and trailing optional whitespace.
    static func trimmingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
