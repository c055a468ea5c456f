import NafidhaContract
import NafidhaCore
import Testing

@testable import NafidhaAPI

@Suite("JSON body limits")
struct JSONBodyLimitsTests {
    private static func passed(_ body: String, _ limits: JSONBodyLimits = JSONBodyLimits()) -> ErrorCode? {
        do {
            try limits.check(Array(body.utf8))
            return nil
        } catch {
            return error.code
        }
    }

    private static var small: JSONBodyLimits {
        var limits = JSONBodyLimits()
        limits.maximumDepth = 3
        limits.maximumMembers = 2
        limits.maximumElements = 3
        limits.maximumValues = 12
        return limits
    }

    @Test("bodies within every limit pass, exactly at the limits too")
    func withinLimits() {
        #expect(Self.passed(#"{"a": [1, 2, 3], "b": {"c": "x"}}"#, Self.small) == nil)
        #expect(Self.passed(#"[[["deep"]]]"#, Self.small) == nil)
        #expect(Self.passed(#"{"service": "x", "fields": {"a": 1}}"#) == nil)
    }

    @Test("one member, element, level or value too many is body_too_complex")
    func pastLimits() {
        #expect(Self.passed(#"{"a": 1, "b": 2, "c": 3}"#, Self.small) == .bodyTooComplex)
        #expect(Self.passed("[1, 2, 3, 4]", Self.small) == .bodyTooComplex)
        #expect(Self.passed("[[[[1]]]]", Self.small) == .bodyTooComplex)
        #expect(Self.passed("[[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2]]", Self.small) == .bodyTooComplex)
        #expect(Self.passed(#"{"a": {"b": 1, "c": 2, "d": 3}}"#, Self.small) == .bodyTooComplex)
    }

    @Test("what is inside a string counts for nothing: brackets, commas, quotes escaped")
    func stringsAreOpaque() {
        #expect(Self.passed(#"{"a": "[[[[,,,,{{{{\"]]]]"}"#, Self.small) == nil)
        #expect(Self.passed(#"{"a\"b": "x", "c": "\\"}"#, Self.small) == nil)
    }

    @Test("invalid UTF-8 is invalid_json; malformed JSON is left to the decoder")
    func encoding() {
        #expect {
            try JSONBodyLimits().check([0x7B, 0x22, 0xFF, 0x22, 0x7D])
        } throws: { error in
            (error as? NafidhaError)?.code == .invalidJSON
        }
        #expect(Self.passed("{]]]") == nil)
        #expect(Self.passed(#"{"a": tru"#) == nil)
    }

    @Test("the limit passed is named in the message")
    func message() {
        do {
            try Self.small.check(Array("[1, 2, 3, 4]".utf8))
            Issue.record("not refused")
        } catch {
            #expect(error.message.en.contains("3 elements"), "\(error.message.en)")
        }
    }
}
