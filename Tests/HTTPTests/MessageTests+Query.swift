import HTTP
import Testing

/// QueryParameters as an ordered list with repeated names.
@Suite("Message: query parameters")
struct MessageQueryTests {
    @Test("returns the first value by name and every value in order")
    func lookup() {
        let query = QueryParameters([(name: "tag", value: "a"), (name: "page", value: "2"), (name: "tag", value: "b")])
        #expect(query["tag"] == "a")
        #expect(query.all("tag") == ["a", "b"])
        #expect(query.all("none").isEmpty)
        #expect(query.count == 3)
        #expect(!query.isEmpty)
        #expect(Array(query).map(\.value) == ["a", "2", "b"])
    }

    @Test("compares names case-sensitively, as URIs do")
    func caseSensitive() {
        let query = QueryParameters([(name: "Page", value: "1")])
        #expect(query["page"] == nil)
        #expect(query["Page"] == "1")
    }

    @Test("is empty when created without pairs")
    func empty() {
        #expect(QueryParameters().isEmpty)
    }
}
