import Testing

@testable import NafidhaCore

/// The catalog file's JSON reader (RFC 8259): exact values, and where each starts, in lines and characters.
@Suite("JSON scanner")
struct JSONScannerTests {
    private static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try JSONScanner.parse(Array(text.utf8))
    }

    private static func failure(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("every value knows its line and column, columns counted in characters of Arabic text too")
    func positions() throws {
        let root = try Self.parse("{\n  \"اسم\": \"طرابلس\", \"n\": 12,\n  \"list\": [true, null]\n}")
        var table: [JSONPath: SourcePosition] = [:]
        root.positions(into: &table)
        #expect(table[.root] == SourcePosition(line: 1, column: 1))
        #expect(table[JSONPath.root.appending("اسم")] == SourcePosition(line: 2, column: 10))
        #expect(table[JSONPath.root.appending("n")] == SourcePosition(line: 2, column: 25))
        #expect(table[JSONPath.root.appending("list").appending(1)] == SourcePosition(line: 3, column: 18))
    }

    @Test("numbers keep their exact text, so a decimal is never rounded")
    func exactNumbers() throws {
        guard case .array(let values) = try Self.parse("[0.1, 12, -3.25e2, 100000000000000000000001]").value else {
            Issue.record("not an array")
            return
        }
        let texts = values.compactMap { node -> String? in if case .number(let text) = node.value { text } else { nil }
        }
        #expect(texts == ["0.1", "12", "-3.25e2", "100000000000000000000001"])
    }

    @Test("escapes decode, surrogate pairs join, and a UTF-8 byte order mark is skipped")
    func strings() throws {
        let root = try JSONScanner.parse([0xEF, 0xBB, 0xBF] + Array(#"["a\"b\\\/\n\u00e9\ud83d\ude00"]"#.utf8))
        guard case .array(let values) = root.value, case .string(let text) = values.first?.value else {
            Issue.record("not a string")
            return
        }
        #expect(text == "a\"b\\/\né😀")
        #expect(root.position == SourcePosition(line: 1, column: 1))
    }

    @Test(
        "what RFC 8259 does not allow is refused where it stands",
        arguments: [
            ("", JSONSyntaxError.Reason.empty, 1, 1),
            ("[1, 2,]", .unexpectedCharacter(found: "]", expected: .value), 1, 7),
            ("{\"a\": 1,}", .unexpectedCharacter(found: "}", expected: .memberName), 1, 9),
            ("// note\n{}", .unexpectedCharacter(found: "/", expected: .value), 1, 1),
            ("[01]", .invalidNumber, 1, 2),
            ("[+1]", .unexpectedCharacter(found: "+", expected: .value), 1, 2),
            ("[.5]", .unexpectedCharacter(found: ".", expected: .value), 1, 2),
            ("[1.]", .invalidNumber, 1, 2),
            ("[NaN]", .unexpectedCharacter(found: "N", expected: .value), 1, 2),
            ("[\"\\ud800\"]", .loneSurrogate, 1, 3),
            ("[\"\\x\"]", .invalidEscape, 1, 3),
            ("[\"a\tb\"]", .controlCharacter, 1, 4),
            ("{\"a\" 1}", .unexpectedCharacter(found: "1", expected: .colon), 1, 6),
            ("{\"a\": 1 \"b\": 2}", .unexpectedCharacter(found: "\"", expected: .commaOrBrace), 1, 9),
            ("[1 2]", .unexpectedCharacter(found: "2", expected: .commaOrBracket), 1, 4),
            ("{} {}", .unexpectedCharacter(found: "{", expected: .end), 1, 4),
            ("[\"ب", .unexpectedEnd(expected: .quote), 1, 4),
            ("[truex]", .unexpectedCharacter(found: "t", expected: .value), 1, 2),
            ("{\n  \"a\": [\n    1,\n  }", .unexpectedCharacter(found: "}", expected: .value), 4, 3),
        ])
    func refusals(text: String, reason: JSONSyntaxError.Reason, line: Int, column: Int) {
        #expect(
            Self.failure(text) == JSONSyntaxError(reason: reason, position: SourcePosition(line: line, column: column)))
    }

    @Test("bytes that are not UTF-8 are refused")
    func invalidUTF8() {
        #expect(throws: JSONSyntaxError.self) {
            try JSONScanner.parse(Array("[\"".utf8) + [0xC3, 0x28] + Array("\"]".utf8))
        }
    }

    @Test("nesting deeper than the limit is refused before the stack suffers")
    func depth() {
        let deep = String(repeating: "[", count: JSONScanner.maximumDepth + 1)
        #expect(Self.failure(deep)?.reason == .tooDeep(limit: JSONScanner.maximumDepth))
        let allowed =
            String(repeating: "[", count: JSONScanner.maximumDepth)
            + String(repeating: "]", count: JSONScanner.maximumDepth)
        #expect(Self.failure(allowed) == nil)
    }

    @Test("a long single line costs one pass: positions far along it are still exact")
    func longLine() throws {
        let items = (0..<20_000).map { "\"item\($0)\"" }.joined(separator: ",")
        let root = try Self.parse("[" + items + "]")
        guard case .array(let values) = root.value else { return }
        #expect(values.last?.position.column == 2 + items.count - "\"item19999\"".count)
    }
}
