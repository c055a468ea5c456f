/// Why a file is not JSON (RFC 8259), and where: the first such problem, since nothing after it can be read.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// What was wrong.
    public enum Reason: Sendable, Equatable {
        /// The file has nothing but white space.
        case empty
        /// The file ends where `expected` should come.
        case unexpectedEnd(expected: Expectation)
        /// `found` stands where `expected` should come.
        case unexpectedCharacter(found: String, expected: Expectation)
        /// A number does not follow JSON's grammar (no leading zeros, `+`, `.5`, `NaN`, ...).
        case invalidNumber
        /// A backslash in a string is not one of JSON's escapes.
        case invalidEscape
        /// A `\u` escape names half of a surrogate pair alone.
        case loneSurrogate
        /// A control character (below U+0020) stands unescaped in a string.
        case controlCharacter
        /// The bytes are not UTF-8.
        case invalidUTF8
        /// Arrays and objects nest deeper than `limit`.
        case tooDeep(limit: Int)
    }

    /// What the reader expected.
    public enum Expectation: Sendable, Equatable {
        /// Any JSON value.
        case value
        /// A member name in double quotes.
        case memberName
        /// `:` after a member name.
        case colon
        /// `,` or `}` after a member.
        case commaOrBrace
        /// `,` or `]` after an element.
        case commaOrBracket
        /// Nothing more: the document has ended.
        case end
        /// The closing `"` of a string.
        case quote
    }

    /// What was wrong.
    public var reason: Reason
    /// Where.
    public var position: SourcePosition
}
