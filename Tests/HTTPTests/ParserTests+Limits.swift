import HTTP
import Testing

/// Named limits: header section (431), request-target (414), body (413) and header count (431).
@Suite("Parser: limits")
struct ParserLimitTests {
    @Test("has the documented defaults")
    func defaults() {
        let limits = HTTPParser.Limits()
        #expect(limits.maxHeaderBytes == 16 * 1024)
        #expect(limits.maxTargetBytes == 8 * 1024)
        #expect(limits.maxBodyBytes == 1 << 20)
        #expect(limits.maxHeaderCount == 100)
    }

    @Test("answers 431 to a header section over 16 KiB (RFC 6585 §5)")
    func headerTooLarge() {
        let value = String(repeating: "v", count: 16 * 1024)
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(value)\r\n\r\n", status: 431, code: "header_too_large")
    }

    @Test("answers 431 without waiting for the end of an endless header line")
    func endlessHeaderLine() {
        let limits = HTTPParser.Limits(maxHeaderBytes: 64)
        expectRejects(
            "GET / HTTP/1.1\r\nX: " + String(repeating: "v", count: 80), status: 431,
            code: "header_too_large", limits: limits)
    }

    @Test("counts the final CRLF in the header limit")
    func headerLimitBoundary() {
        let request = "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
        let exact = HTTPParser.Limits(maxHeaderBytes: request.utf8.count)
        #expect(parse(request, limits: exact).error == nil)
        let short = HTTPParser.Limits(maxHeaderBytes: request.utf8.count - 1)
        expectRejects(request, status: 431, code: "header_too_large", limits: short)
    }

    @Test("answers 431 to more than 100 header fields")
    func tooManyHeaders() {
        let fields = (0..<100).map { "X-\($0): v\r\n" }.joined()
        #expect(
            parse("GET / HTTP/1.1\r\nHost: a\r\n" + (0..<99).map { "X-\($0): v\r\n" }.joined() + "\r\n").error == nil)
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n", status: 431, code: "too_many_headers")
    }

    @Test("answers 414 to a request-target over 8 KiB (RFC 9112 §3)")
    func targetTooLong() {
        let path = "/" + String(repeating: "a", count: 8 * 1024)
        expectRejects("GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n", status: 414, code: "target_too_long")
    }

    @Test("accepts a request-target exactly at the limit")
    func targetAtLimit() throws {
        let path = "/" + String(repeating: "a", count: 8 * 1024 - 1)
        #expect(try parseHead("GET \(path) HTTP/1.1\r\nHost: a\r\n\r\n").path == path)
    }

    @Test("answers 414 before the whole target has arrived")
    func targetTooLongEarly() {
        let limits = HTTPParser.Limits(maxTargetBytes: 8)
        expectRejects("GET /123456789", status: 414, code: "target_too_long", limits: limits)
    }

    @Test("answers 413 from Content-Length before reading the body (RFC 9110 §15.5.14)")
    func bodyTooLarge() {
        expectRejects(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n", status: 413, code: "body_too_large")
        #expect(
            parse(
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc",
                limits: HTTPParser.Limits(maxBodyBytes: 3)
            ).error == nil)
    }
}
