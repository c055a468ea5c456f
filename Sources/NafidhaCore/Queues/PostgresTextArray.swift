/// A `text[]` parameter value: PostgreSQL's array literal of `elements`, every element quoted and escaped, to be
/// sent as a parameter (`$1::text[]`), never spliced into SQL.
enum PostgresTextArray {
    static func literal(_ elements: [String]) -> String {
        let quoted = elements.map { element in
            "\"" + element.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }

    /// The literal, or nil (SQL NULL, meaning "no limit") for nil.
    static func literal(_ elements: [String]?) -> String? {
        elements.map { literal($0) }
    }
}
