import HTTP
import Testing

/// Percent-decoding of path and query (RFC 3986 §2.1) and form-style query parameters.
@Suite("Parser: path and query decoding")
struct ParserDecodingTests {
    @Test("percent-decodes the path, UTF-8 included")
    func decodesPath() throws {
        let head = try parseHead("GET /services/%D8%A8%D9%84%D8%AF%D9%8A%D8%A9%20x HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(head.path == "/services/بلدية x")
        #expect(head.target == "/services/%D8%A8%D9%84%D8%AF%D9%8A%D8%A9%20x")
    }

    @Test("keeps + in the path as a plus")
    func plusInPath() throws {
        #expect(try parseHead("GET /a+b HTTP/1.1\r\nHost: a\r\n\r\n").path == "/a+b")
    }

    @Test("rejects a malformed or truncated percent-escape in the path")
    func badEscape() {
        expectRejects("GET /a%G1 HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
        expectRejects("GET /a%2 HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
        expectRejects("GET /a% HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("rejects a path that decodes to a NUL")
    func nulInPath() {
        expectRejects("GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("rejects a path that decodes to invalid UTF-8")
    func invalidUTF8Path() {
        expectRejects("GET /a%FF HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
        expectRejects("GET /%C0%AF HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_target")
    }

    @Test("parses query parameters with repeated keys, + as space and escapes")
    func queryParameters() throws {
        let head = try parseHead("GET /s?lang=ar&lang=fr&q=rue+de%20la+paix&empty=&flag HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(head.path == "/s")
        #expect(head.rawQuery == "lang=ar&lang=fr&q=rue+de%20la+paix&empty=&flag")
        #expect(head.query["lang"] == "ar")
        #expect(head.query.all("lang") == ["ar", "fr"])
        #expect(head.query["q"] == "rue de la paix")
        #expect(head.query["empty"] == "")
        #expect(head.query["flag"] == "")
        #expect(head.query["missing"] == nil)
        #expect(head.query.count == 5)
    }

    @Test("keeps a value's later = signs and skips empty pairs")
    func queryEdges() throws {
        let head = try parseHead("GET /?a=b=c&&x=%2B1 HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(head.query["a"] == "b=c")
        #expect(head.query["x"] == "+1")
        #expect(head.query.count == 2)
    }

    @Test("gives an empty raw query for a bare ?")
    func bareQuestionMark() throws {
        let head = try parseHead("GET /p? HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(head.rawQuery == "")
        #expect(head.query.isEmpty)
    }

    @Test("rejects a malformed escape, a NUL or invalid UTF-8 in the query")
    func badQuery() {
        expectRejects("GET /?a=%zz HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_query")
        expectRejects("GET /?a=%00 HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_query")
        expectRejects("GET /?%FF=1 HTTP/1.1\r\nHost: a\r\n\r\n", status: 400, code: "invalid_query")
    }

    @Test("parses a form-encoded string through the public initialiser")
    func publicQueryParsing() throws {
        let query = try QueryParameters(parsing: "name=Sa%C3%AFd+Ali&sector=water")
        #expect(query["name"] == "Saïd Ali")
        #expect(Array(query).map(\.name) == ["name", "sector"])
        #expect(throws: HTTPParseError.self) { try QueryParameters(parsing: "a=%") }
    }
}
