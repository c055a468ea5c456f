/// Writes a `JSONTree` as people read and edit it: two spaces of indentation, and each array or object on one line
/// when it fits within `width` columns, else one member per line. Deterministic, so an exported catalog is the same
/// bytes every time and a reviewed file shows only what was edited. Strings are written as they are (UTF-8, only
/// `"`, `\` and control characters escaped), so Arabic stays readable.
enum JSONWriter {
    /// The widest line the writer aims for (a long string alone may exceed it).
    static let width = 120

    /// The document's text, ending in a newline.
    static func text(of tree: JSONTree) -> String {
        var text = ""
        write(tree, indent: 0, used: 0, to: &text)
        return text + "\n"
    }

    /// Writes `tree` whose first character goes at column `used` of a line indented `indent` levels.
    private static func write(_ tree: JSONTree, indent: Int, used: Int, to text: inout String) {
        var inline = ""
        appendInline(tree, to: &inline)
        let fits = used + inline.count <= width
        switch tree {
        case .array(let elements) where !fits && !elements.isEmpty:
            text += "[\n"
            for (index, element) in elements.enumerated() {
                let padding = String(repeating: "  ", count: indent + 1)
                text += padding
                write(element, indent: indent + 1, used: padding.count + 1, to: &text)
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: "  ", count: indent) + "]"
        case .object(let members) where !fits && !members.isEmpty:
            text += "{\n"
            for (index, member) in members.enumerated() {
                let padding = String(repeating: "  ", count: indent + 1)
                var key = ""
                appendString(member.key, to: &key)
                text += padding + key + ": "
                write(member.value, indent: indent + 1, used: padding.count + key.count + 3, to: &text)
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: "  ", count: indent) + "}"
        default:
            text += inline
        }
    }

    /// `tree` on one line, `, ` and `: ` between items.
    static func appendInline(_ tree: JSONTree, to text: inout String) {
        switch tree {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value): text += value
        case .string(let value): appendString(value, to: &text)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += ", " }
                appendInline(element, to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += ", " }
                appendString(member.key, to: &text)
                text += ": "
                appendInline(member.value, to: &text)
            }
            text += "}"
        }
    }

    /// A JSON string literal (RFC 8259 §7), escaping only what must be.
    static func appendString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
