import NafidhaCore

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
            JSONString.append(text, to: &out)
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
                JSONString.append(member.name, to: &out)
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
}
