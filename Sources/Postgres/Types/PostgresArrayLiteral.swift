/// PostgreSQL's text form of one-dimensional arrays (`{"a","b c",NULL}`), as in the manual's "Array Input and
/// Output Syntax" (§8.15.6).
enum PostgresArrayLiteral {
    /// Writes every element double-quoted with `\` and `"` escaped, so that no content (empty, `NULL`, braces,
    /// commas, whitespace) changes the meaning; nil elements are written as an unquoted `NULL`.
    static func format(_ elements: [String?]) -> String {
        var text = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            guard let element else {
                text += "NULL"
                continue
            }
            text += "\""
            for character in element.unicodeScalars {
                if character == "\\" || character == "\"" { text += "\\" }
                text.unicodeScalars.append(character)
            }
            text += "\""
        }
        return text + "}"
    }

    /// Reads a one-dimensional array's text: quoted or bare elements (bare `NULL`, any case, is a NULL element),
    /// backslash escapes, and an optional `[low:high]=` bounds decoration. Nil for anything else, including
    /// multi-dimensional arrays.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> [String?]? {
        var index = 0
        // A lower bound other than 1 is written as `[0:2]={...}`; the bounds do not change the elements.
        if text.first == UInt8(ascii: "[") {
            guard let equals = text.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            index = equals + 1
        }
        guard index < text.count, text[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var elements: [String?] = []
        skipSpaces(text, &index)
        if index < text.count, text[index] == UInt8(ascii: "}") {
            return index + 1 == text.count ? elements : nil
        }
        while true {
            skipSpaces(text, &index)
            guard index < text.count else { return nil }
            if text[index] == UInt8(ascii: "\"") {
                guard let element = quotedElement(text, &index) else { return nil }
                elements.append(element)
            } else {
                guard let element = bareElement(text, &index) else { return nil }
                elements.append(element)
            }
            skipSpaces(text, &index)
            guard index < text.count else { return nil }
            switch text[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                return index + 1 == text.count ? elements : nil
            default:
                return nil
            }
        }
    }

    /// A `"..."` element starting at `index`; leaves `index` after the closing quote.
    private static func quotedElement(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> String? {
        var bytes: [UInt8] = []
        index += 1
        while index < text.count {
            let byte = text[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\\"):
                guard index < text.count else { return nil }
                bytes.append(text[index])
                index += 1
            case UInt8(ascii: "\""):
                return String(decoding: bytes, as: UTF8.self)
            default:
                bytes.append(byte)
            }
        }
        return nil
    }

    /// A bare element up to `,` or `}`: surrounding spaces dropped, `NULL` read as a NULL element (`.some(nil)`).
    private static func bareElement(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> String?? {
        var bytes: [UInt8] = []
        var escaped = false
        var trailingSpaces = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") { break }
            // Braces or quotes inside a bare element mean a nested array or a malformed literal.
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "\"") { return nil }
            index += 1
            if byte == UInt8(ascii: "\\") {
                guard index < text.count else { return nil }
                bytes.append(text[index])
                index += 1
                escaped = true
                trailingSpaces = 0
                continue
            }
            bytes.append(byte)
            trailingSpaces = isSpace(byte) ? trailingSpaces + 1 : 0
        }
        bytes.removeLast(trailingSpaces)
        guard !bytes.isEmpty else { return nil }
        if !escaped, bytes.count == 4, String(decoding: bytes, as: UTF8.self).uppercased() == "NULL" {
            return .some(nil)
        }
        return .some(String(decoding: bytes, as: UTF8.self))
    }

    private static func skipSpaces(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < text.count, isSpace(text[index]) { index += 1 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
