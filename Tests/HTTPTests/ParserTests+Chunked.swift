import HTTP
import Testing

/// The chunked transfer coding: RFC 9112 §7.1 (chunks, extensions, trailer section).
@Suite("Parser: chunked bodies")
struct ParserChunkedTests {
    private let head = "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"

    @Test("reads chunks into the body and ends at the last chunk (RFC 9112 §7.1)")
    func chunks() {
        let outcome = parse(head + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.heads.first?.isChunked == true)
        #expect(outcome.heads.first?.contentLength == nil)
        #expect(outcome.bodies == [Array("hello world".utf8)])
        #expect(outcome.events.last == .end(trailers: [:]))
    }

    @Test("returns buffered small chunks as one body event, not one per chunk")
    func smallChunksCoalesced() throws {
        var parser = HTTPParser()
        parser.feed(Array((head + "1\r\na\r\n1\r\nb\r\n2;x\r\ncd\r\n0\r\n\r\n").utf8))
        #expect(try parser.next().map { if case .head = $0 { true } else { false } } == true)
        #expect(try parser.next() == .body(Array("abcd".utf8)))
        #expect(try parser.next() == .end(trailers: [:]))
    }

    @Test("delivers the chunk data read before an error, then throws")
    func dataBeforeError() throws {
        var parser = HTTPParser()
        parser.feed(Array((head + "1\r\na\r\n1\r\nbXX").utf8))
        _ = try parser.next()
        #expect(try parser.next() == .body(Array("ab".utf8)))
        let error = #expect(throws: HTTPParseError.self) { try parser.next() }
        #expect(error?.code == "invalid_chunk")
    }

    @Test("reads hexadecimal sizes in either case, with leading zeros")
    func hexSizes() {
        let data = String(repeating: "x", count: 26)
        let outcome = parse(head + "1A\r\n\(data)\r\n001a\r\n\(data)\r\n0000\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.bodies.first?.count == 52)
    }

    @Test("ignores chunk extensions, with or without values (RFC 9112 §7.1.1)")
    func extensions() {
        let outcome = parse(head + "5;name=value;flag\r\nhello\r\n5 ; q=\"quoted\"\r\nworld\r\n0;last\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.bodies == [Array("helloworld".utf8)])
    }

    @Test("surfaces trailer fields in order at the end (RFC 9112 §7.1.2)")
    func trailers() {
        let outcome = parse(head + "2\r\nhi\r\n0\r\nDigest: sha-256=abc\r\nX-Tag: 1\r\nX-Tag: 2\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.events.last == .end(trailers: ["Digest": "sha-256=abc", "X-Tag": "1", "X-Tag": "2"]))
    }

    @Test("rejects a chunk size written 0x10 (RFC 9112 §7.1: HEXDIG only)")
    func hexPrefix() {
        expectRejects(
            head + "0x10\r\n" + String(repeating: "a", count: 16) + "\r\n0\r\n\r\n", status: 400,
            code: "invalid_chunk")
    }

    @Test("rejects a chunk size that is not hexadecimal or is missing")
    func notHex() {
        expectRejects(head + "g\r\n\r\n", status: 400, code: "invalid_chunk")
        expectRejects(head + "\r\nhello\r\n0\r\n\r\n", status: 400, code: "invalid_chunk")
        expectRejects(head + "-1\r\n\r\n", status: 400, code: "invalid_chunk")
        expectRejects(head + ";ext\r\n\r\n", status: 400, code: "invalid_chunk")
    }

    @Test("rejects a chunk size that overflows")
    func overflow() {
        expectRejects(head + "FFFFFFFFFFFFFFFFFF\r\n", status: 400, code: "invalid_chunk")
    }

    @Test("rejects whitespace after a chunk size that no extension follows")
    func trailingWhitespace() {
        expectRejects(head + "5 \r\nhello\r\n0\r\n\r\n", status: 400, code: "invalid_chunk")
    }

    @Test("rejects garbage after a chunk's data instead of CRLF (RFC 9112 §7.1)")
    func garbageAfterData() {
        expectRejects(head + "5\r\nhelloXX\r\n0\r\n\r\n", status: 400, code: "invalid_chunk")
        expectRejects(head + "5\r\nhello\rX0\r\n\r\n", status: 400, code: "invalid_chunk")
    }

    @Test("rejects an LF-only chunk-size line (RFC 9112 §2.2, strict)")
    func lfOnlySizeLine() {
        expectRejects(head + "5\nhello\r\n0\r\n\r\n", status: 400, code: "invalid_line_ending")
    }

    @Test("rejects a bare CR in a chunk-size line")
    func bareCRSizeLine() {
        expectRejects(head + "5\rhello\r\n0\r\n\r\n", status: 400, code: "invalid_line_ending")
    }

    @Test("rejects a control byte inside a chunk extension")
    func controlInExtension() {
        expectRejects(head + "5;a=\u{0}\r\nhello\r\n0\r\n\r\n", status: 400, code: "invalid_chunk")
    }

    @Test("rejects a malformed trailer field like a header field")
    func badTrailer() {
        expectRejects(head + "0\r\nBad Name: x\r\n\r\n", status: 400, code: "invalid_header")
        expectRejects(head + "0\r\nX: a\r\n folded\r\n\r\n", status: 400, code: "obsolete_line_folding")
        expectRejects(head + "0\r\nX: a\n\r\n", status: 400, code: "invalid_line_ending")
    }

    @Test("rejects a chunked body larger than the limit, counted across chunks (413)")
    func cumulativeLimit() {
        let limits = HTTPParser.Limits(maxBodyBytes: 8)
        let outcome = parse(head + "5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n", limits: limits)
        #expect(outcome.error?.status == 413)
        #expect(outcome.error?.code == "body_too_large")
        #expect(outcome.bodies == [Array("hello".utf8)])
    }

    @Test("accepts a chunked body exactly at the limit")
    func exactlyAtLimit() {
        let outcome = parse(head + "5\r\nhello\r\n3\r\nabc\r\n0\r\n\r\n", limits: HTTPParser.Limits(maxBodyBytes: 8))
        #expect(outcome.error == nil)
    }

    @Test("rejects a chunk-size line longer than its limit")
    func longChunkLine() {
        let limits = HTTPParser.Limits(maxChunkLineBytes: 16)
        expectRejects(
            head + "5;" + String(repeating: "e", count: 20) + "\r\nhello\r\n0\r\n\r\n", status: 400,
            code: "chunk_line_too_long", limits: limits)
    }

    @Test("rejects a trailer section over its byte or field limit (431)")
    func trailerLimits() {
        let bytes = HTTPParser.Limits(maxTrailerBytes: 16)
        expectRejects(
            head + "0\r\nX-Long: " + String(repeating: "v", count: 20) + "\r\n\r\n", status: 431,
            code: "trailers_too_large", limits: bytes)
        let count = HTTPParser.Limits(maxTrailerCount: 1)
        expectRejects(head + "0\r\nA: 1\r\nB: 2\r\n\r\n", status: 431, code: "trailers_too_large", limits: count)
    }
}
