import HTTP
import Testing

/// Message framing and request smuggling: RFC 9112 §6 (message body length) and RFC 9110 §8.6.
@Suite("Parser: framing and smuggling")
struct ParserFramingTests {
    @Test("reads a Content-Length body (RFC 9112 §6.3)")
    func contentLengthBody() throws {
        let outcome = parse("POST /r HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world")
        #expect(outcome.error == nil)
        #expect(outcome.heads.first?.contentLength == 11)
        #expect(outcome.bodies == [Array("hello world".utf8)])
        #expect(outcome.events.last == .end(trailers: [:]))
    }

    @Test("reports Content-Length: 0 and emits no body event")
    func zeroContentLength() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
        #expect(outcome.heads.first?.contentLength == 0)
        #expect(outcome.events.count == 2)
    }

    @Test("returns all buffered body bytes in one event, not byte by byte")
    func bodyInOneEvent() throws {
        var parser = HTTPParser()
        parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n\r\nabcdef".utf8))
        #expect(try parser.next().map { if case .head = $0 { true } else { false } } == true)
        #expect(try parser.next() == .body(Array("abcdef".utf8)))
        #expect(try parser.next() == .end(trailers: [:]))
        #expect(try parser.next() == nil)
    }

    @Test("rejects Content-Length with Transfer-Encoding, CL first (CL.TE, RFC 9112 §6.1)")
    func clThenTE() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            status: 400, code: "conflicting_framing")
    }

    @Test("rejects Transfer-Encoding with Content-Length, TE first (TE.CL, RFC 9112 §6.1)")
    func teThenCL() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n",
            status: 400, code: "conflicting_framing")
    }

    @Test("rejects Transfer-Encoding: chunked, identity (chunked not final, RFC 9112 §6.3)")
    func chunkedThenIdentity() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
            status: 400, code: "invalid_transfer_encoding")
    }

    @Test("rejects Transfer-Encoding: identity and gzip alone (RFC 9112 §6.3)")
    func nonChunkedAlone() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n", status: 400,
            code: "invalid_transfer_encoding")
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", status: 400,
            code: "invalid_transfer_encoding")
    }

    @Test("rejects chunked applied twice, across two fields (RFC 9112 §6.1)")
    func chunkedTwice() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            status: 400, code: "invalid_transfer_encoding")
    }

    @Test("rejects an empty Transfer-Encoding element")
    func emptyTransferCoding() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ,chunked\r\n\r\n", status: 400,
            code: "invalid_transfer_encoding")
    }

    @Test("answers 501 to a coding it cannot decode before a final chunked (RFC 9112 §6.1)")
    func gzipChunked() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            status: 501, code: "unsupported_transfer_coding")
    }

    @Test("rejects whitespace before the colon of Transfer-Encoding (RFC 9112 §5.1)")
    func transferEncodingSpaceColon() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
            status: 400, code: "invalid_header")
    }

    @Test("accepts Transfer-Encoding: Chunked in any case (RFC 9112 §7)")
    func chunkedCaseInsensitive() throws {
        #expect(try parseHead("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n").isChunked)
    }

    @Test("rejects Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1)")
    func transferEncodingHTTP10() {
        expectRejects(
            "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400,
            code: "invalid_transfer_encoding")
    }

    @Test("rejects differing duplicate Content-Length fields (RFC 9112 §6.3)")
    func differingContentLengths() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
            status: 400, code: "invalid_content_length")
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\nhello!", status: 400,
            code: "invalid_content_length")
    }

    @Test("accepts identical duplicate Content-Length values (RFC 9110 §8.6)")
    func identicalContentLengths() throws {
        #expect(try parseHead("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello").contentLength == 5)
        #expect(
            try parseHead("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello")
                .contentLength == 5)
    }

    @Test("rejects Content-Length: +5 (RFC 9110 §8.6: 1*DIGIT)")
    func signedContentLength() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nhello", status: 400,
            code: "invalid_content_length")
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", status: 400,
            code: "invalid_content_length")
    }

    @Test("rejects a Content-Length with a space inside, a hex form or no digits")
    func malformedContentLength() {
        for value in ["1 0", "0x10", "", "5,", "five", "5;"] {
            expectRejects(
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n", status: 400,
                code: "invalid_content_length")
        }
    }

    @Test("rejects a Content-Length that overflows")
    func overflowingContentLength() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 400,
            code: "invalid_content_length")
    }

    @Test("parses pipelined requests in order, bodies included (RFC 9112 §9.3.2)")
    func pipelined() {
        let outcome = parse(
            "GET /a HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyz"
                + "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
                + "GET /d HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
        )
        #expect(outcome.error == nil)
        #expect(outcome.heads.map(\.path) == ["/a", "/b", "/c", "/d"])
        #expect(outcome.bodies == [[], Array("xyz".utf8), Array("hi".utf8), []])
        #expect(outcome.heads.map(\.keepAlive) == [true, true, true, false])
    }

    @Test("parses hundreds of pipelined requests fed in uneven pieces, across buffer compactions")
    func manyPipelined() {
        let one =
            "POST /r HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789"
            + "GET /g?i=1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
        let input = Array(String(repeating: one, count: 300).utf8)
        let whole = run(input)
        #expect(whole.error == nil)
        #expect(whole.heads.count == 600)
        for pieceSize in [997, 4096, 17_000] {
            #expect(run(input, pieceSize: pieceSize) == whole)
        }
    }

    @Test("reads a large body fed in pieces into the same bytes")
    func largeBody() {
        let body = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let input = Array("PUT /f HTTP/1.1\r\nHost: a\r\nContent-Length: 200000\r\n\r\n".utf8) + body
        for pieceSize in [nil, 7_000, 65_536] {
            let outcome = run(input, pieceSize: pieceSize)
            #expect(outcome.error == nil)
            #expect(outcome.bodies == [body])
        }
    }

    @Test("treats bytes after a Content-Length body as the next request, not as body (smuggling)")
    func contentLengthBoundsBody() {
        let outcome = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nabGET /x HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.heads.map(\.path) == ["/", "/x"])
        #expect(outcome.bodies.first == Array("ab".utf8))
    }

    @Test("stays poisoned after an error and drops later bytes")
    func poisoned() throws {
        var parser = HTTPParser()
        parser.feed(Array("GET / HTTP/9.9\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
        parser.feed(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        let error = #expect(throws: HTTPParseError.self) { try parser.next() }
        #expect(error?.status == 505)
    }

    @Test("returns nil before any byte is fed, and again after an empty feed")
    func nothingFed() throws {
        var parser = HTTPParser()
        #expect(try parser.next() == nil)
        parser.feed([UInt8]())
        #expect(try parser.next() == nil)
        parser.feed(Array("GET / HTTP/1.1\r\n".utf8))
        #expect(try parser.next() == nil)
    }

    @Test("reports reading-head and mid-message states for the server's deadlines")
    func states() throws {
        var parser = HTTPParser()
        #expect(parser.isReadingHead && !parser.isMidMessage)
        parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.isReadingHead && parser.isMidMessage)
        #expect(parser.bufferedByteCount == 26)
        parser.feed(Array("Content-Length: 2\r\n\r\na".utf8))
        _ = try parser.next()
        #expect(!parser.isReadingHead && parser.isMidMessage)
        _ = try parser.next()
        parser.feed(Array("b".utf8))
        _ = try parser.next()
        #expect(try parser.next() == .end(trailers: [:]))
        #expect(parser.isReadingHead && !parser.isMidMessage)
    }
}
