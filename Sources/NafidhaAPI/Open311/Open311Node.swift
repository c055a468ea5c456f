/// An Open311 document as a tree that renders both ways: in XML repeated elements wrapped in their list's element,
/// in JSON arrays — the spec's "JSON mirrors the XML" rule, applied in one place.
indirect enum Open311Node: Sendable {
    /// A string.
    case text(String)
    /// A number.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// No value: JSON `null`, an empty XML element.
    case null
    /// Members in the spec's order.
    case object([(name: String, node: Open311Node)])
    /// Repeated items; `item` names each one's XML element.
    case list(item: String, [Open311Node])

    /// A string, or null when absent.
    static func optional(_ text: String?) -> Open311Node {
        text.map(Open311Node.text) ?? .null
    }

    /// A number, or null when absent.
    static func optional(_ number: Double?) -> Open311Node {
        number.map(Open311Node.number) ?? .null
    }
}

/// A whole response: the root element's name (XML only) and its content.
struct Open311Document: Sendable {
    /// `services`, `service_requests`, `errors`, ...
    var root: String
    /// The content under the root.
    var node: Open311Node
}
