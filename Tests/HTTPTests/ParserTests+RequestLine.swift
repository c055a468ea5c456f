import HTTP
import Testing

/// The request line: RFC 9112 §3 (method, request-target, version) and §2.2 (line endings).
@Suite("Parser: request line")
struct ParserRequestLineTests {
    @Test("parses a minimal origin-form GET")
    func minimalGet() throws {
        let head = try parseHead("GET /healthz HTTP/1.1\r\nHost: example.org\r\n\r\n")
        #expect(head.method == "GET")
        #expect(head.target == "/healthz")
        #expect(head.path == "/healthz")
        #expect(head.rawQuery == nil)
        #expect(head.query.isEmpty)
        #expect(head.version == .http11)
        #expect(head.keepAlive)
        #expect(head.contentLength == nil)
        #expect(!head.isChunked)
        #expect(head.headers == ["Host": "example.org"])
    }

    @Test("emits head then end with empty trailers for a request without body")
    func headThenEnd() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.events.count == 2)
        #expect(outcome.events.last == .end(trailers: [:]))
    }

    @Test("keeps the method's case as sent (RFC 9110 §9.1: methods are case-sensitive)")
    func methodCaseKept() throws {
        #expect(try parseHead("get / HTTP/1.1\r\nHost: a\r\n\r\n").method == "get")
    }

    @Test("accepts an extension method that is a token")
    func extensionMethod() throws {
        #expect(try parseHead("PURGE-ALL / HTTP/1.1\r\nHost: a\r\n\r\n").method == "PURGE-ALL")
    }

    @Test("rejects a method with a non-token character (RFC 9112 §3.1)")
    func methodNotToken() {
        expectRejects("GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
    }

    @Test("rejects an empty method (request line starting with a space)")
    func emptyMethod() {
        expectRejects(" / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
    }

    @Test("rejects two spaces between method and target (RFC 9112 §3: single SP)")
    func doubleSpace() {
        expectRejects("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
    }

    @Test("rejects a tab as request line separator")
    func tabSeparator() {
        expectRejects("GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
    }

    @Test("rejects a request line without version (HTTP/0.9 style)")
    func missingVersion() {
        expectRejects("GET /\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
    }

    @Test("rejects a space inside the request-target")
    func spaceInTarget() {
        expectRejects("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
    }

    @Test("rejects a lowercase protocol name (RFC 9112 §2.3: HTTP-name is case-sensitive)")
    func lowercaseProtocol() {
        expectRejects("GET / http/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
    }

    @Test("rejects a malformed version such as HTTP/1")
    func malformedVersion() {
        expectRejects("GET / HTTP/1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
        expectRejects("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
        expectRejects("GET / HTTP/11.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_request_line")
    }

    @Test("answers 505 to HTTP/2.0 and HTTP/0.9 request lines (RFC 9112 §2.3)")
    func unsupportedVersion() {
        expectRejects("GET / HTTP/2.0\r\nHost: a\r\n\r\n", status: 505, code: "version_not_supported")
        expectRejects("GET / HTTP/0.9\r\nHost: a\r\n\r\n", status: 505, code: "version_not_supported")
        expectRejects("GET / HTTP/1.2\r\nHost: a\r\n\r\n", status: 505, code: "version_not_supported")
    }

    @Test("parses HTTP/1.0 without Host and closes by default (RFC 9112 §9.3)")
    func http10() throws {
        let head = try parseHead("GET / HTTP/1.0\r\n\r\n")
        #expect(head.version == .http10)
        #expect(!head.keepAlive)
    }

    @Test("answers 501 to CONNECT with an authority-form target (RFC 9112 §3.2.3)")
    func connectRefused() {
        expectRejects(
            "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n", status: 501,
            code: "method_not_implemented")
    }

    @Test("rejects authority-form for a method other than CONNECT")
    func authorityFormForGet() {
        expectRejects("GET example.org:443 HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("accepts asterisk-form for OPTIONS (RFC 9112 §3.2.4)")
    func asteriskOptions() throws {
        let head = try parseHead("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(head.path == "*")
        #expect(head.target == "*")
    }

    @Test("rejects asterisk-form for GET")
    func asteriskGet() {
        expectRejects("GET * HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("parses absolute-form and takes its path and query (RFC 9112 §3.2.2)")
    func absoluteForm() throws {
        let head = try parseHead("GET http://example.org:8080/a/b?x=1 HTTP/1.1\r\nHost: example.org:8080\r\n\r\n")
        #expect(head.target == "http://example.org:8080/a/b?x=1")
        #expect(head.path == "/a/b")
        #expect(head.rawQuery == "x=1")
        #expect(head.query["x"] == "1")
    }

    @Test("reads an absolute-form without path as the root path")
    func absoluteFormWithoutPath() throws {
        #expect(try parseHead("GET HTTPS://example.org HTTP/1.1\r\nHost: example.org\r\n\r\n").path == "/")
        #expect(try parseHead("GET http://example.org?q HTTP/1.1\r\nHost: example.org\r\n\r\n").path == "/")
    }

    @Test("rejects absolute-form with userinfo (RFC 9110 §4.2.4)")
    func absoluteFormUserinfo() {
        expectRejects("GET http://user@example.org/ HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("rejects an absolute-form with a scheme other than http or https")
    func absoluteFormOtherScheme() {
        expectRejects("GET ftp://example.org/ HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("rejects a fragment in the request-target (RFC 9112 §3.2)")
    func fragment() {
        expectRejects("GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("rejects a raw non-ASCII byte in the request-target")
    func rawNonASCIITarget() {
        expectRejects("GET /é HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("ignores empty lines before the request line (RFC 9112 §2.2)")
    func leadingEmptyLines() throws {
        #expect(try parseHead("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n").path == "/")
    }

    @Test("rejects a bare LF ending the request line (RFC 9112 §2.2, strict)")
    func bareLFRequestLine() {
        expectRejects("GET / HTTP/1.1\nHost: a\r\n\r\n", status: 400, code: "invalid_line_ending")
    }

    @Test("rejects a bare CR inside the request line (RFC 9112 §2.2)")
    func bareCRRequestLine() {
        expectRejects("GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_line_ending")
    }

    @Test("rejects a bare LF before the request line")
    func bareLFLeadingLine() {
        expectRejects("\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_line_ending")
    }
}
