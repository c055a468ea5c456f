import HTTP
import Testing

/// Header fields: RFC 9112 §5 (field syntax), §3.2 (Host), §9.3 (persistence) and RFC 9110 §10.1.1 (Expect).
@Suite("Parser: header fields")
struct ParserHeaderTests {
    @Test("keeps duplicate fields in order with their names as sent")
    func duplicatesKept() throws {
        let head = try parseHead("GET / HTTP/1.1\r\nHost: a\r\nAccept: x\r\nX-Tag: 1\r\naccept: y\r\n\r\n")
        #expect(head.headers.count == 4)
        #expect(head.headers["ACCEPT"] == ["x", "y"])
        #expect(Array(head.headers).map(\.name) == ["Host", "Accept", "X-Tag", "accept"])
    }

    @Test("trims optional whitespace around a field value (RFC 9112 §5.1)")
    func trimsValue() throws {
        let head = try parseHead("GET / HTTP/1.1\r\nHost: a\r\nX-A: \t  spaced value \t\r\nX-B:tight\r\nX-C:\r\n\r\n")
        #expect(head.headers.first(name: "x-a") == "spaced value")
        #expect(head.headers.first(name: "x-b") == "tight")
        #expect(head.headers.first(name: "x-c") == "")
    }

    @Test("keeps UTF-8 in a field value")
    func utf8Value() throws {
        #expect(
            try parseHead("GET / HTTP/1.1\r\nHost: a\r\nX-Name: بلدية\r\n\r\n").headers.first(name: "X-Name") == "بلدية"
        )
    }

    @Test("rejects whitespace between field name and colon (RFC 9112 §5.1)")
    func whitespaceBeforeColon() {
        expectRejects("GET / HTTP/1.1\r\nHost : a\r\n\r\n", status: 400, code: "invalid_header")
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-A\t: b\r\n\r\n", status: 400, code: "invalid_header")
    }

    @Test("rejects obs-fold continuation lines (RFC 9112 §5.2)")
    func obsFold() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", status: 400, code: "obsolete_line_folding")
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\tc\r\n\r\n", status: 400, code: "obsolete_line_folding")
    }

    @Test("rejects a field line without colon")
    func noColon() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", status: 400, code: "invalid_header")
    }

    @Test("rejects an empty field name")
    func emptyName() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\n: value\r\n\r\n", status: 400, code: "invalid_header")
    }

    @Test("rejects a non-token character in a field name (RFC 9110 §5.1)")
    func nameNotToken() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX(A): b\r\n\r\n", status: 400, code: "invalid_header")
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX/A: b\r\n\r\n", status: 400, code: "invalid_header")
    }

    @Test("rejects a NUL in a field value (RFC 9110 §5.5)")
    func nulInValue() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{0}c\r\n\r\n", status: 400, code: "invalid_header")
    }

    @Test("rejects other control bytes in a field value, DEL included")
    func controlInValue() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{1}c\r\n\r\n", status: 400, code: "invalid_header")
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{7F}\r\n\r\n", status: 400, code: "invalid_header")
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{0B}c\r\n\r\n", status: 400, code: "invalid_header")
    }

    @Test("rejects a bare CR inside a field value (RFC 9112 §2.2)")
    func bareCRInValue() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n", status: 400, code: "invalid_line_ending")
    }

    @Test("rejects LF-only line endings in the header section (RFC 9112 §2.2, strict)")
    func lfOnlyHeaders() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\nX-A: b\r\n\r\n", status: 400, code: "invalid_line_ending")
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\n\n", status: 400, code: "invalid_line_ending")
    }

    @Test("rejects an HTTP/1.1 request without Host (RFC 9112 §3.2)")
    func missingHost() {
        expectRejects("GET / HTTP/1.1\r\nAccept: x\r\n\r\n", status: 400, code: "missing_host")
    }

    @Test("rejects two Host fields (RFC 9112 §3.2)")
    func duplicateHost() {
        expectRejects("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", status: 400, code: "duplicate_host")
        expectRejects("GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n", status: 400, code: "duplicate_host")
    }

    @Test("closes an HTTP/1.1 connection on Connection: close in any case (RFC 9112 §9.6)")
    func connectionClose() throws {
        #expect(try !parseHead("GET / HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n").keepAlive)
        #expect(try !parseHead("GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade, close\r\n\r\n").keepAlive)
    }

    @Test("keeps an HTTP/1.0 connection alive only with Connection: keep-alive (RFC 9112 §9.3)")
    func http10KeepAlive() throws {
        #expect(try parseHead("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive)
        #expect(try !parseHead("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n").keepAlive)
    }

    @Test("surfaces Expect: 100-continue on HTTP/1.1 (RFC 9110 §10.1.1)")
    func expectContinue() throws {
        let head = try parseHead("PUT /f HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-Continue\r\n\r\n")
        #expect(head.expectsContinue)
        #expect(try !parseHead("GET / HTTP/1.1\r\nHost: a\r\n\r\n").expectsContinue)
    }

    @Test("ignores Expect: 100-continue from an HTTP/1.0 client (RFC 9110 §10.1.1)")
    func expectContinueHTTP10() throws {
        #expect(try !parseHead("PUT / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx").expectsContinue)
    }

    @Test("finds a control byte, a bare LF or a bare CR at any offset of a long value (eight-byte scanning)")
    func controlAtEveryOffset() {
        for offset in 0..<24 {
            func value(_ byte: String) -> String {
                String(repeating: "v", count: offset) + byte + String(repeating: "w", count: 23 - offset)
            }
            expectRejects(
                "GET / HTTP/1.1\r\nHost: a\r\nX-Long: \(value("\u{0}"))\r\n\r\n", status: 400, code: "invalid_header")
            expectRejects(
                "GET / HTTP/1.1\r\nHost: a\r\nX-Long: \(value("\u{7F}"))\r\n\r\n", status: 400, code: "invalid_header")
            expectRejects(
                "GET / HTTP/1.1\r\nHost: a\r\nX-Long: \(value("\n"))\r\n\r\n", status: 400, code: "invalid_line_ending")
            expectRejects(
                "GET / HTTP/1.1\r\nHost: a\r\nX-Long: \(value("\r"))\r\n\r\n", status: 400, code: "invalid_line_ending")
        }
    }

    @Test("accepts HTAB and obs-text at any offset of a long value (RFC 9110 §5.5)")
    func tabAndObsTextAtEveryOffset() throws {
        for offset in 0..<24 {
            let value = "v" + String(repeating: "v", count: offset) + "\té" + String(repeating: "w", count: 23 - offset)
            let head = try parseHead("GET / HTTP/1.1\r\nHost: a\r\nX-Long: \(value)\r\n\r\n")
            #expect(head.headers.first(name: "X-Long") == value)
        }
    }
}
