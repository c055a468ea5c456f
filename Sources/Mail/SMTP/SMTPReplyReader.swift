import Transport

/// Reads replies from a stream: lines ending in CRLF (a bare LF is taken too), `ddd-text` for each line but the
/// last and `ddd text` (or `ddd`) for the last, every line with the same code (RFC 5321 §4.2.1).
///
/// Bounded: a reply, all its lines together, may not pass `maximumBytes`, whatever the server sends.
struct SMTPReplyReader {
    private var buffer: [UInt8] = []
    let maximumBytes: Int

    /// How much is asked of the stream at a time.
    private static let readSize = 4096

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    /// Whether bytes the server sent wait beyond the last reply read (RFC 3207 §4.2: there must be none after the
    /// 220 to STARTTLS; they would be taken as if they came through TLS).
    var hasBufferedBytes: Bool { !buffer.isEmpty }

    /// The next reply, read before `deadline`.
    mutating func read(
        from stream: any ByteStream, deadline: ContinuousClock.Instant, stage: SMTPError.Stage
    ) throws(SMTPError) -> SMTPReply {
        var code: Int?
        var lines: [String] = []
        var consumed = 0
        while true {
            let line = try nextLine(from: stream, deadline: deadline, stage: stage, consumedSoFar: consumed)
            consumed += line.count + 2
            guard consumed <= maximumBytes else {
                throw SMTPError(stage: stage, protocolViolation: "a reply is longer than \(maximumBytes) bytes")
            }
            guard line.count >= 3, line.prefix(3).allSatisfy({ (0x30...0x39).contains($0) }),
                line.count == 3 || line[3] == UInt8(ascii: " ") || line[3] == UInt8(ascii: "-")
            else { throw SMTPError(stage: stage, protocolViolation: "a reply line is not \"ddd text\"") }
            let lineCode = Int(String(decoding: line.prefix(3), as: UTF8.self))!
            guard code == nil || code == lineCode else {
                throw SMTPError(stage: stage, protocolViolation: "the lines of one reply have different codes")
            }
            code = lineCode
            lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
            if line.count == 3 || line[3] == UInt8(ascii: " ") { return SMTPReply(code: lineCode, lines: lines) }
        }
    }

    /// The next line without its line end; waits for more bytes while none is complete.
    private mutating func nextLine(
        from stream: any ByteStream, deadline: ContinuousClock.Instant, stage: SMTPError.Stage, consumedSoFar: Int
    ) throws(SMTPError) -> [UInt8] {
        var searchFrom = 0
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let end = newline > 0 && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                let line = Array(buffer[..<end])
                buffer.removeSubrange(...newline)
                return line
            }
            guard consumedSoFar + buffer.count <= maximumBytes else {
                throw SMTPError(stage: stage, protocolViolation: "a reply is longer than \(maximumBytes) bytes")
            }
            searchFrom = buffer.count
            let bytes: [UInt8]
            do {
                bytes = try stream.read(maximumCount: Self.readSize, deadline: deadline)
            } catch {
                throw SMTPError(stage: stage, transport: error)
            }
            guard !bytes.isEmpty else { throw SMTPError(stage: stage, connectionLost: "while waiting for a reply") }
            buffer += bytes
        }
    }
}
