import Testing
import Transport

@testable import Mail

/// Bytes handed out in the pieces given, as a server's writes would arrive; end of stream after the last.
final class ScriptedStream: ByteStream {
    private var pieces: [[UInt8]]

    init(_ pieces: [String]) {
        self.pieces = pieces.map { Array($0.utf8) }
    }

    func read(maximumCount: Int, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8] {
        guard !pieces.isEmpty else { return [] }
        let piece = pieces.removeFirst()
        if piece.count > maximumCount {
            pieces.insert(Array(piece[maximumCount...]), at: 0)
            return Array(piece[..<maximumCount])
        }
        return piece
    }

    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(TransportError) {}

    func close(deadline: ContinuousClock.Instant) {}
}

@Suite("SMTP replies (RFC 5321 §4.2)")
struct SMTPReplyReaderTests {
    func read(_ pieces: [String], maximumBytes: Int = 16 * 1024) throws(SMTPError) -> SMTPReply {
        var reader = SMTPReplyReader(maximumBytes: maximumBytes)
        return try reader.read(from: ScriptedStream(pieces), deadline: .now + .seconds(5), stage: .hello)
    }

    @Test("A multi-line reply is read whole, however its bytes arrive")
    func multiLineReply() throws {
        let reply = try read(["250-mail.tripoli.ly\r\n250-PIPE", "LINING\r\n250-SIZE 1000", "\r\n250 STARTTLS\r\n"])
        #expect(reply.code == 250)
        #expect(reply.lines == ["mail.tripoli.ly", "PIPELINING", "SIZE 1000", "STARTTLS"])
    }

    @Test("A code alone on the last line, and a bare LF, are accepted")
    func lenientLineForms() throws {
        #expect(try read(["221\n"]) == SMTPReply(code: 221, lines: [""]))
    }

    @Test("The enhanced status code is read from the first line (RFC 3463)")
    func enhancedStatus() throws {
        #expect(try read(["550 5.1.1 No such mailbox\r\n"]).enhancedStatus == "5.1.1")
        #expect(try read(["550 No such mailbox\r\n"]).enhancedStatus == nil)
    }

    @Test("Lines with different codes in one reply are a protocol violation")
    func mixedCodes() {
        #expect(throws: SMTPError.self) { try read(["250-first\r\n251 second\r\n"]) }
    }

    @Test("A line that is not 'ddd text' is a protocol violation, temporary")
    func malformedLine() {
        let error = #expect(throws: SMTPError.self) { try read(["25O ok\r\n"]) }
        #expect(error?.isPermanent == false)
        #expect(throws: SMTPError.self) { try read(["250x\r\n"]) }
    }

    @Test("A reply longer than the limit is refused, with or without line breaks")
    func boundedReply() {
        #expect(throws: SMTPError.self) {
            try read([String(repeating: "250-xxxxxxxx\r\n", count: 100)], maximumBytes: 512)
        }
        #expect(throws: SMTPError.self) { try read([String(repeating: "x", count: 2000)], maximumBytes: 512) }
    }

    @Test("The stream ending before the reply does is a lost connection")
    func endOfStream() {
        let error = #expect(throws: SMTPError.self) { try read(["250-partial\r\n"]) }
        #expect(error?.isConnectionLost == true)
        #expect(error?.isPermanent == false)
    }
}
