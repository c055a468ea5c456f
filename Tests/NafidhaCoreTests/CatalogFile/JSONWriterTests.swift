import Testing

@testable import NafidhaCore

/// How the export lays a catalog file out: stable, readable, and read back to the same values.
@Suite("JSON writer")
struct JSONWriterTests {
    @Test("a value that fits on a line stays on it; a longer one takes a line per member, indented by two")
    func layout() {
        let tree = JSONTree.object([
            "code": .string("TRP"), "weekend": .array([.number("5"), .number("6")]),
            "long": .array((0..<30).map { .string("word\($0)") }),
        ])
        let text = JSONWriter.text(of: tree)
        #expect(text.hasPrefix("{\n  \"code\": \"TRP\",\n  \"weekend\": [5, 6],\n  \"long\": [\n    \"word0\",\n"))
        #expect(text.hasSuffix("    \"word29\"\n  ]\n}\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= JSONWriter.width })
    }

    @Test("strings escape only what JSON requires: Arabic, accents and slashes stay as they are")
    func escaping() {
        #expect(JSONTree.string("طرابلس / é \"q\" \\ \n\t\u{01}").compactText == #""طرابلس / é \"q\" \\ \n\t\u0001""#)
    }

    @Test("what the writer writes, the scanner reads back to the same values")
    func roundTrip() throws {
        let tree = JSONTree.object([
            "a": .array([.null, .bool(true), .number("-0.5e3"), .string("ب\u{7}")]), "b": .object([]),
            "c": .array([]),
        ])
        let node = try JSONScanner.parse(Array(JSONWriter.text(of: tree).utf8))
        guard case .object(let members) = node.value, case .array(let values) = members[0].value.value else {
            Issue.record("not read back")
            return
        }
        #expect(members.map(\.key) == ["a", "b", "c"])
        guard case .string(let text) = values[3].value, case .number(let number) = values[2].value else {
            Issue.record("values changed")
            return
        }
        #expect(text == "ب\u{7}" && number == "-0.5e3")
    }
}
