extension Open311Document {
    /// The document as JSON text (the root's name does not appear: JSON has no root element).
    var json: String {
        var out = ""
        Self.appendJSON(node, to: &out)
        return out
    }

    private static func appendJSON(_ node: Open311Node, to out: inout String) {
        switch node {
        case .text(let text):
            appendJSONString(text, to: &out)
        case .number(let number):
            out += Self.numberText(number)
        case .bool(let value):
            out += value ? "true" : "false"
        case .null:
            out += "null"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                appendJSONString(member.name, to: &out)
                out += ":"
                appendJSON(member.node, to: &out)
            }
            out += "}"
        case .list(_, let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                appendJSON(item, to: &out)
            }
            out += "]"
        }
    }

    /// Whole numbers without a fraction (`403`, `7`); others in Swift's shortest round-trip form.
    static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// A JSON string literal per RFC 8259 §7.
    private static func appendJSONString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
