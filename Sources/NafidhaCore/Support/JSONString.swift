/// JSON string literals (RFC 8259 §7), the one escaper of the hand-built JSON: reports and the Open311 façade, whose
/// member order is part of their format, and the audit trail's canonical JSON, whose escapes are Python's
/// `json.dumps(..., ensure_ascii=False)` (docs/audit.md): `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other controls as
/// `\u00xx`, everything else as it is.
public enum JSONString {
    /// Appends `value` as a JSON string literal: quotes, backslashes and control characters escaped.
    public static func append(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
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

    /// `value` as a JSON string literal.
    public static func literal(_ value: String) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }
}
