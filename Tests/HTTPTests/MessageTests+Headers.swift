import HTTP
import Testing

/// HTTPHeaders as an ordered, case-insensitive list and HTTPVersion's text form.
@Suite("Message: headers and version")
struct MessageHeadersTests {
    @Test("looks names up case-insensitively and keeps every value in order")
    func lookup() {
        var headers = HTTPHeaders()
        headers.add(name: "Set-Cookie", value: "a=1")
        headers.add(name: "Content-Type", value: "text/plain")
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers["SET-COOKIE"] == ["a=1", "b=2"])
        #expect(headers.first(name: "content-type") == "text/plain")
        #expect(headers.contains(name: "CONTENT-TYPE"))
        #expect(!headers.contains(name: "Content-Length"))
        #expect(headers.first(name: "Content-Length") == nil)
        #expect(headers.count == 3)
    }

    @Test("replaceOrAdd replaces the first field in place and drops the later duplicates")
    func replaceOrAdd() {
        var headers: HTTPHeaders = ["A": "1", "X": "old", "B": "2", "x": "older", "C": "3"]
        headers.replaceOrAdd(name: "X", value: "new")
        #expect(Array(headers).map(\.name) == ["A", "X", "B", "C"])
        #expect(headers["x"] == ["new"])
        headers.replaceOrAdd(name: "D", value: "4")
        #expect(Array(headers).last?.value == "4")
    }

    @Test("remove drops every field of the name, in any case")
    func remove() {
        var headers = HTTPHeaders([(name: "A", value: "1"), (name: "a", value: "2"), (name: "B", value: "3")])
        headers.remove(name: "A")
        #expect(headers == ["B": "3"])
        #expect(!headers.isEmpty)
    }

    @Test("compares names by ASCII case only, not by Unicode folding")
    func asciiOnly() {
        let headers: HTTPHeaders = ["straße": "1"]
        #expect(headers.first(name: "STRASSE") == nil)
        #expect(headers.first(name: "STRAßE") == "1")
    }

    @Test("prints versions as on the wire")
    func versionDescription() {
        #expect(HTTPVersion.http11.description == "HTTP/1.1")
        #expect(HTTPVersion.http10.description == "HTTP/1.0")
    }
}
