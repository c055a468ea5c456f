/// Finds CRLF-terminated lines of a header or trailer section, strictly (RFC 9112 §2.2).
///
/// Offsets are relative to the section's first byte, which stays buffered until the section ends, so the
/// parser may compact its buffer without fixing them up. Every refusal is decided at a byte position, so
/// the same bytes give the same error however they are split across reads.
struct LineScanner {
    private var lineStart = 0
    private var scanned = 0
    private var firstSpace: Int?
    private var secondSpace: Int?

    /// The section's length so far, up to and including the last complete line.
    var consumed: Int { lineStart }

    /// The next complete line, relative to `base` and without its CRLF; nil when more bytes are needed.
    /// - Parameters:
    ///   - maxBytes: the section's size limit, CRLFs included; reaching it without a line throws `limitError`.
    ///   - maxTargetBytes: when reading a request line, the request-target's limit (414 beyond).
    mutating func nextLine(
        in bytes: UnsafeBufferPointer<UInt8>, base: Int, maxBytes: Int, limitError: HTTPParseError,
        maxTargetBytes: Int? = nil
    ) throws(HTTPParseError) -> Range<Int>? {
        let available = bytes.count - base
        let end = min(available, maxBytes)
        var index = scanned
        while index < end {
            let byte = bytes[base + index]
            if byte == ASCII.cr {
                if index + 1 >= maxBytes { throw limitError }
                if index + 1 >= available { break }
                guard bytes[base + index + 1] == ASCII.lf else { throw .bareCarriageReturn }
                let line = lineStart..<index
                lineStart = index + 2
                scanned = lineStart
                return line
            }
            if byte == ASCII.lf { throw .bareLineFeed }
            if let maxTargetBytes {
                try trackRequestLine(byte, at: index, maxTargetBytes: maxTargetBytes)
            }
            index += 1
        }
        if index >= maxBytes { throw limitError }
        scanned = index
        return nil
    }

    /// Refuses an over-long target at its first excess byte, before the header limit could answer 431.
    @inline(__always)
    private mutating func trackRequestLine(_ byte: UInt8, at index: Int, maxTargetBytes: Int) throws(HTTPParseError) {
        if byte == ASCII.space {
            if firstSpace == nil { firstSpace = index } else if secondSpace == nil { secondSpace = index }
        } else if let firstSpace, secondSpace == nil, index - firstSpace > maxTargetBytes {
            throw .targetTooLong
        }
    }
}
