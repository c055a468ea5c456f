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
    ///   - maxBytes: the section's size limit, CRLFs included; reaching it without a line throws `limitError`
    ///     (passed as a function so the error is only built when thrown).
    ///   - maxTargetBytes: when reading a request line, the request-target's limit (414 beyond).
    mutating func nextLine(
        in bytes: UnsafeBufferPointer<UInt8>, base: Int, maxBytes: Int, limitError: () -> HTTPParseError,
        maxTargetBytes: Int? = nil
    ) throws(HTTPParseError) -> Range<Int>? {
        let available = bytes.count - base
        let end = min(available, maxBytes)
        var index = scanned
        // Two loops so the common case, a header line, runs the tightest one.
        if let maxTargetBytes {
            while index < end {
                let byte = bytes[base + index]
                if byte == ASCII.cr || byte == ASCII.lf { break }
                try trackRequestLine(byte, at: index, maxTargetBytes: maxTargetBytes)
                index += 1
            }
        } else {
            if let address = bytes.baseAddress {
                let start = UnsafeRawPointer(address + base)
                while index + 8 <= end,
                    !ASCII.containsLineBreak(start.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                }
            }
            while index < end {
                let byte = bytes[base + index]
                if byte <= ASCII.cr, byte == ASCII.cr || byte == ASCII.lf { break }
                index += 1
            }
        }
        if index < end {
            if bytes[base + index] == ASCII.lf { throw .bareLineFeed }
            if index + 1 >= maxBytes { throw limitError() }
            if index + 1 < available {
                guard bytes[base + index + 1] == ASCII.lf else { throw .bareCarriageReturn }
                let line = lineStart..<index
                lineStart = index + 2
                scanned = lineStart
                return line
            }
        } else if index >= maxBytes {
            throw limitError()
        }
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
