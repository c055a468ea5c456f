/// Reads a JSON document (RFC 8259) into `JSONNode`s that remember where each value starts, so that the catalog
/// file's problems can name a line and column. Strict: no comments, no trailing commas, no `NaN`; a UTF-8 byte order
/// mark at the start is skipped (RFC 8259 §8.1 lets a parser ignore it). Nesting deeper than `maximumDepth` is
/// refused, so a hostile file cannot exhaust the stack.
struct JSONScanner {
    /// How deep arrays and objects may nest; a catalog file needs 7.
    static let maximumDepth = 32

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// The byte offset where the current line starts, to count columns in scalars from it.
    private var lineStart = 0
    private var depth = 0
    /// The last position computed and its byte offset: values are met in file order, so each position is counted
    /// from the previous one and a whole file costs one pass, however long its lines.
    private var cursor = (index: 0, line: 1, column: 1)

    /// Parses `bytes` as one JSON document.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            scanner.index = 3
            scanner.lineStart = 3
        }
        scanner.skipWhitespace()
        guard scanner.index < bytes.count else {
            throw JSONSyntaxError(reason: .empty, position: scanner.position())
        }
        let node = try scanner.value()
        scanner.skipWhitespace()
        guard scanner.index == bytes.count else { throw scanner.unexpected(.end) }
        return node
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The position of the byte at `index`: columns count the scalars of the line before it (UTF-8 lead bytes).
    private mutating func position() -> SourcePosition {
        if cursor.line != line || cursor.index < lineStart || cursor.index > index {
            cursor = (lineStart, line, 1)
        }
        for byte in bytes[cursor.index..<min(index, bytes.count)] where byte & 0xC0 != 0x80 {
            cursor.column += 1
        }
        cursor.index = min(index, bytes.count)
        return SourcePosition(line: cursor.line, column: cursor.column)
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw unexpected(.value) }
        let start = position()
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(value: .object(try object()), position: start)
        case UInt8(ascii: "["): return JSONNode(value: .array(try array()), position: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try string()), position: start)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONNode(value: .bool(true), position: start)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONNode(value: .bool(false), position: start)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONNode(value: .null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try number()), position: start)
        default: throw unexpected(.value)
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> [JSONNode.Member] {
        try enter()
        index += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return members
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected(.memberName) }
            let keyPosition = position()
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected(.colon) }
            index += 1
            skipWhitespace()
            members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: try value()))
            skipWhitespace()
            guard index < bytes.count else { throw unexpected(.commaOrBrace) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return members
            default: throw unexpected(.commaOrBrace)
            }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> [JSONNode] {
        try enter()
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw unexpected(.commaOrBracket) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return elements
            default: throw unexpected(.commaOrBracket)
            }
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw JSONSyntaxError(reason: .tooDeep(limit: Self.maximumDepth), position: position())
        }
    }

    /// A string starting at the opening quote; escapes decoded, UTF-8 checked.
    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = position()
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ end: Int) throws(JSONSyntaxError) {
            guard run < end else { return }
            guard let text = String(validating: bytes[run..<end], as: UTF8.self) else {
                throw JSONSyntaxError(reason: .invalidUTF8, position: start)
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                try flush(index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(index)
                scalars.append(try escape())
                run = index
            case 0x00..<0x20:
                throw JSONSyntaxError(reason: .controlCharacter, position: position())
            default:
                index += 1
            }
        }
        throw JSONSyntaxError(reason: .unexpectedEnd(expected: .quote), position: position())
    }

    /// The escape at `index` (a backslash), decoded; `\u` surrogate pairs are joined, a lone half refused.
    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = position()
        index += 1
        guard index < bytes.count else { throw JSONSyntaxError(reason: .invalidEscape, position: start) }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4(start)
            if (0xD800..<0xDC00).contains(first) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw JSONSyntaxError(reason: .loneSurrogate, position: start) }
                index += 2
                let second = try hex4(start)
                guard (0xDC00..<0xE000).contains(second),
                    let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                else { throw JSONSyntaxError(reason: .loneSurrogate, position: start) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else {
                throw JSONSyntaxError(reason: .loneSurrogate, position: start)
            }
            return scalar
        default:
            throw JSONSyntaxError(reason: .invalidEscape, position: start)
        }
    }

    private mutating func hex4(_ start: SourcePosition) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONSyntaxError(reason: .invalidEscape, position: start) }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(reason: .invalidEscape, position: start)
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = index
        let startPosition = position()
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw JSONSyntaxError(reason: .invalidNumber, position: startPosition) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw JSONSyntaxError(reason: .invalidNumber, position: startPosition)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw JSONSyntaxError(reason: .invalidNumber, position: startPosition) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw JSONSyntaxError(reason: .invalidNumber, position: startPosition) }
        }
        // A digit or letter glued to the number (`01`, `1x`) is not JSON.
        if index < bytes.count, bytes[index].isASCIIAlphanumeric {
            throw JSONSyntaxError(reason: .invalidNumber, position: startPosition)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected),
            !(index + expected.count < bytes.count && bytes[index + expected.count].isASCIIAlphanumeric)
        else { throw unexpected(.value) }
        index += expected.count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    /// The error for what stands at `index` when `expected` should.
    private mutating func unexpected(_ expected: JSONSyntaxError.Expectation) -> JSONSyntaxError {
        guard index < bytes.count else {
            return JSONSyntaxError(reason: .unexpectedEnd(expected: expected), position: position())
        }
        // Show the character found: one whole UTF-8 sequence, or the byte when it is not one.
        var end = index + 1
        while end < bytes.count, end < index + 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let found = String(validating: bytes[index..<end], as: UTF8.self) ?? "\\x" + String(bytes[index], radix: 16)
        return JSONSyntaxError(reason: .unexpectedCharacter(found: found, expected: expected), position: position())
    }
}

extension UInt8 {
    /// An ASCII letter or digit.
    fileprivate var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
