import Transparency

/// Checks that a text is the canonical JSON of docs/audit.md: no whitespace, keys sorted by code point, integers
/// only, strings escaped exactly as specified (what Python's `json.dumps(value, sort_keys=True,
/// separators=(",", ":"), ensure_ascii=False)` prints). It parses the text and re-serialises it canonically.
enum CanonicalJSON {
    /// True when `text` is valid JSON and already in canonical form.
    static func isCanonical(_ text: String) -> Bool {
        var parser = Parser(bytes: Array(text.utf8))
        guard let canonical = parser.value(depth: 0), parser.atEnd else { return false }
        return canonical == Array(text.utf8)
    }

    /// Deepest nesting accepted, so a hostile export cannot exhaust the stack (details are at most 16 KiB anyway).
    static let maximumDepth = 64

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool {
            mutating get {
                skipWhitespace()
                return index == bytes.count
            }
        }

        /// Parses one value and returns its canonical serialisation, or nil when the text is not JSON this format
        /// allows (fractions and exponents included).
        mutating func value(depth: Int) -> [UInt8]? {
            guard depth < CanonicalJSON.maximumDepth else { return nil }
            skipWhitespace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(Self.serialise)
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return integer()
            }
        }

        private mutating func object(depth: Int) -> [UInt8]? {
            index += 1
            var members: [(key: [UInt8], value: [UInt8])] = []
            skipWhitespace()
            if consume("}") { return Array("{}".utf8) }
            repeat {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipWhitespace()
                guard consume(":"), let value = value(depth: depth + 1) else { return nil }
                members.append((key, value))
                skipWhitespace()
            } while consume(",")
            guard consume("}") else { return nil }
            // UTF-8 byte order is code point order.
            let sorted = members.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            var out: [UInt8] = [UInt8(ascii: "{")]
            for (position, member) in sorted.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out += Self.serialise(member.key) + [UInt8(ascii: ":")] + member.value
            }
            return out + [UInt8(ascii: "}")]
        }

        private mutating func array(depth: Int) -> [UInt8]? {
            index += 1
            skipWhitespace()
            if consume("]") { return Array("[]".utf8) }
            var items: [[UInt8]] = []
            repeat {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipWhitespace()
            } while consume(",")
            guard consume("]") else { return nil }
            return [UInt8(ascii: "[")] + Array(items.joined(separator: [UInt8(ascii: ",")])) + [UInt8(ascii: "]")]
        }

        /// The decoded UTF-8 bytes of a string literal.
        private mutating func string() -> [UInt8]? {
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return out
                case 0..<0x20: return nil
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        out += Array(String(Character(scalar)).utf8)
                    default: return nil
                    }
                default: out.append(byte)
                }
            }
            return nil
        }

        private mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let first = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(first) {
                guard consume("\\"), consume("u"), let second = hex4(), (0xDC00..<0xE000).contains(second) else {
                    return nil
                }
                return Unicode.Scalar(0x10000 + (first - 0xD800) << 10 + (second - 0xDC00))
            }
            return Unicode.Scalar(first)
        }

        private mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                guard let digit = Hex.decode(String(decoding: [UInt8(ascii: "0"), byte], as: UTF8.self))?.first else {
                    return nil
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }

        private mutating func integer() -> [UInt8]? {
            let start = index
            _ = consume("-")
            let digitsStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            let digits = bytes[digitsStart..<index]
            guard !digits.isEmpty, digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
            // A fraction or an exponent makes a float, which the format refuses.
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
                return nil
            }
            return digits == [UInt8(ascii: "0")] ? Array(digits) : Array(bytes[start..<index])
        }

        private mutating func literal(_ word: String) -> [UInt8]? {
            let utf8 = Array(word.utf8)
            guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
                return nil
            }
            index += utf8.count
            return utf8
        }

        private mutating func consume(_ character: Character) -> Bool {
            guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
            index += 1
            return true
        }

        private mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// A decoded string written as the specification says (`JSONString` escapes as it does).
        static func serialise(_ decoded: [UInt8]) -> [UInt8] {
            Array(JSONString.literal(String(decoding: decoded, as: UTF8.self)).utf8)
        }
    }
}
