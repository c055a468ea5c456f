extension Open311Document {
    /// The document as an XML 1.0 text in UTF-8, with its declaration.
    var xml: String {
        var out = #"<?xml version="1.0" encoding="utf-8"?>"#
        Self.appendElement(root, node, to: &out)
        return out
    }

    private static func appendElement(_ name: String, _ node: Open311Node, to out: inout String) {
        out += "<\(name)>"
        switch node {
        case .text(let text): appendEscaped(text, to: &out)
        case .number(let number): out += numberText(number)
        case .bool(let value): out += value ? "true" : "false"
        case .null: break
        case .object(let members):
            for member in members { appendElement(member.name, member.node, to: &out) }
        case .list(let item, let items):
            for child in items { appendElement(item, child, to: &out) }
        }
        out += "</\(name)>"
    }

    /// Character data with markup escaped; characters XML 1.0 forbids (C0 controls but tab, LF, CR) become U+FFFD.
    private static func appendEscaped(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
