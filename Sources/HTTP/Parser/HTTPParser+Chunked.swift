/// Progress through one `chunk-size [ chunk-ext ] CRLF` line (RFC 9112 §7.1), read a byte at a time.
struct ChunkSizeLine: Sendable {
    enum Stage: Sendable {
        case size
        case whitespace
        case extensions
        case lineFeed
    }

    var size = 0
    var digits = 0
    var length = 0
    var stage = Stage.size
}

extension HTTPParser {
    /// Reads a chunk-size line; returns the size once its CRLF is read, nil when more bytes are needed.
    mutating func readChunkSize(_ line: inout ChunkSizeLine) throws(HTTPParseError) -> Int? {
        while readIndex < buffer.count {
            let byte = buffer[readIndex]
            readIndex += 1
            if line.stage == .lineFeed {
                guard byte == ASCII.lf else { throw .bareCarriageReturn }
                return line.size
            }
            if byte == ASCII.lf { throw .bareLineFeed }
            if byte == ASCII.cr {
                // BWS is allowed only before a `;`, so a line may end after digits or an extension only.
                guard line.stage == .extensions || (line.stage == .size && line.digits > 0) else {
                    throw .badChunk("A chunk-size line has no size or ends in whitespace.")
                }
                line.stage = .lineFeed
                continue
            }
            line.length += 1
            guard line.length <= limits.maxChunkLineBytes else { throw .chunkLineTooLong }
            switch line.stage {
            case .size:
                if let digit = ASCII.hexValue(byte) {
                    guard line.size <= (Int.max - digit) >> 4 else { throw .badChunk("The chunk size overflows.") }
                    line.size = line.size << 4 | digit
                    line.digits += 1
                } else if line.digits > 0, byte == ASCII.semicolon {
                    line.stage = .extensions
                } else if line.digits > 0, ASCII.isWhitespace(byte) {
                    line.stage = .whitespace
                } else {
                    throw .badChunk("The chunk size is not a hexadecimal number.")
                }
            case .whitespace:
                if byte == ASCII.semicolon {
                    line.stage = .extensions
                } else if !ASCII.isWhitespace(byte) {
                    throw .badChunk("Whitespace after a chunk size is not followed by an extension.")
                }
            case .extensions:
                // Extensions carry nothing we act on; they are only bounded and kept free of control bytes.
                guard ASCII.isFieldValueByte(byte) else { throw .badChunk("A chunk extension holds a control byte.") }
            case .lineFeed:
                break
            }
        }
        return nil
    }

    /// Moves on to a chunk's data, or to the trailer section after the last chunk.
    mutating func startChunk(size: Int) throws(HTTPParseError) {
        guard size <= messageBodyLimit - chunkedBodyBytes else { throw .bodyTooLarge }
        if size == 0 {
            lines = LineScanner()
            phase = .trailers
        } else {
            chunkedBodyBytes += size
            phase = .chunkData(remaining: size)
        }
    }

    /// Reads the CRLF that must follow chunk data; anything else there is refused (RFC 9112 §7.1).
    mutating func readChunkDataEnd(sawCR: Bool) throws(HTTPParseError) -> Bool {
        var sawCR = sawCR
        while readIndex < buffer.count {
            let byte = buffer[readIndex]
            readIndex += 1
            guard byte == (sawCR ? ASCII.lf : ASCII.cr) else {
                throw .badChunk("Chunk data is not followed by CRLF.")
            }
            if sawCR {
                phase = .chunkSize(ChunkSizeLine())
                return true
            }
            sawCR = true
        }
        phase = .chunkDataEnd(sawCR: sawCR)
        return false
    }

    /// Reads trailer fields as their lines complete; true once the empty line ends the section.
    mutating func readTrailers() throws(HTTPParseError) -> Bool {
        let stored = buffer
        return try stored.withUnsafeBufferPointer { bytes throws(HTTPParseError) -> Bool in
            while let line = try lines.nextLine(
                in: bytes, base: readIndex, maxBytes: limits.maxTrailerBytes, limitError: { .trailersTooLarge }
            ) {
                if line.isEmpty {
                    readIndex += lines.consumed
                    lines = LineScanner()
                    return true
                }
                let lineBytes = UnsafeBufferPointer(
                    rebasing: bytes[(readIndex + line.lowerBound)..<(readIndex + line.upperBound)])
                let field = try FieldLine.parse(lineBytes)
                guard trailers.count < limits.maxTrailerCount else { throw .trailersTooLarge }
                trailers.add(
                    name: String(decoding: lineBytes[field.name], as: UTF8.self),
                    value: String(decoding: lineBytes[field.value], as: UTF8.self)
                )
            }
            return false
        }
    }
}
