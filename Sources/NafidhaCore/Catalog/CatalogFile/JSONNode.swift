/// A JSON value read from a file, with where it starts: what the catalog file's validation reports problems
/// against. Numbers keep their exact text, so a decimal is never rounded through a `Double`; object members keep
/// their order and any repeated name, which the reader reports.
struct JSONNode: Sendable {
    /// The value.
    enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number as written (RFC 8259 §6 grammar, already checked).
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    /// One member of an object: its name, where the name starts, and its value.
    struct Member: Sendable {
        var key: String
        var keyPosition: SourcePosition
        var value: JSONNode
    }

    /// The value.
    var value: Value
    /// Where the value starts.
    var position: SourcePosition

    /// The kind of the value, for messages.
    var kind: JSONKind {
        switch value {
        case .null: .null
        case .bool: .boolean
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// Every value of the tree by its path, to place problems found later on the model (which keeps no positions).
    func positions(at path: JSONPath = .root, into table: inout [JSONPath: SourcePosition]) {
        table[path] = position
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                element.positions(at: path.appending(index), into: &table)
            }
        case .object(let members):
            // A repeated name is reported where it repeats; the first keeps the path.
            for member in members where table[path.appending(member.key)] == nil {
                member.value.positions(at: path.appending(member.key), into: &table)
            }
        default:
            break
        }
    }
}

/// The kinds of JSON values, as messages name them.
public enum JSONKind: String, Sendable {
    case null, boolean, number, string, array, object
}
