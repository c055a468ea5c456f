/// A JSON value to write, its object members in the order given: what the catalog export writes and what the diff
/// compares (two catalogs differ exactly where their trees do).
enum JSONTree: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as JSON text (`12`, `2.5`).
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([Member])

    /// One member of an object.
    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONTree
    }

    /// An object of `members`, leaving out those whose value is nil (optional members absent from the file).
    static func object(_ members: KeyValuePairs<String, JSONTree?>) -> JSONTree {
        .object(members.compactMap { key, value in value.map { Member(key: key, value: $0) } })
    }

    /// The member `key` of an object, if any.
    subscript(key: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Compact JSON text: `{"a": 1, "b": [2, 3]}` (a space after `:` and `,`, as the export's inline values).
    var compactText: String {
        var text = ""
        JSONWriter.appendInline(self, to: &text)
        return text
    }
}
