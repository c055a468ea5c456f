/// Percent-decoding of RFC 3986 §2.1 for paths and query components.
enum PercentDecoding {
    /// Decodes `%XX` escapes, and `+` as a space when `plusAsSpace`.
    ///
    /// Returns nil for a malformed escape, a decoded NUL, or bytes that are not valid UTF-8 once decoded:
    /// such a string would mean different things to different components, so it is refused outright.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, plusAsSpace: Bool) -> String? {
        var plainASCII = true
        for byte in bytes {
            if byte == ASCII.percent || byte >= 0x80 || byte == 0 || (plusAsSpace && byte == ASCII.plus) {
                plainASCII = false
                break
            }
        }
        if plainASCII {
            return String(decoding: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.percent {
                guard index + 2 < bytes.count,
                    let high = ASCII.hexValue(bytes[index + 1]),
                    let low = ASCII.hexValue(bytes[index + 2])
                else { return nil }
                decoded.append(UInt8(high << 4 | low))
                index += 3
            } else {
                decoded.append(plusAsSpace && byte == ASCII.plus ? ASCII.space : byte)
                index += 1
            }
        }
        guard !decoded.contains(0) else { return nil }
        return String(validating: decoded, as: UTF8.self)
    }
}
