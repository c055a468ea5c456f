import Foundation

/// docs/openapi.yaml as the tests read it: `scripts/test` validates the YAML with openapi-spec-validator and
/// converts it to JSON with Python's YAML parser (Foundation has no YAML parser and we take no packages; a real
/// parser reads every YAML form, where a hand-written reader of the `paths:` block would understand only a subset),
/// writing it where `NAFIDHA_OPENAPI_JSON` says. Anything in the document's shape this reader does not understand
/// throws, naming where.
struct OpenAPIDocument {
    /// One operation: an HTTP method (upper-case) on a path template (`/v1/requests/{tracking}`).
    struct Operation: Hashable, Comparable, CustomStringConvertible {
        var method: String
        var path: String

        var description: String { "\(method) \(path)" }

        static func < (left: Operation, right: Operation) -> Bool {
            (left.path, left.method) < (right.path, right.method)
        }
    }

    /// A JSON value: enough to walk the document.
    enum Node: Decodable {
        case object([String: Node])
        case array([Node])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([Node].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: Node].self))
            }
        }
    }

    /// The methods a path item may hold (OpenAPI 3.1 §4.8.9), lower-case as the document writes them.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
    /// The other members of a path item this reader knows; a `$ref` path item is deliberately not among them.
    static let pathItemFields: Set<String> = ["summary", "description", "servers", "parameters"]

    let root: [String: Node]

    /// Reads the JSON file `scripts/test` wrote.
    static func load() throws -> OpenAPIDocument {
        guard let path = ProcessInfo.processInfo.environment["NAFIDHA_OPENAPI_JSON"], !path.isEmpty else {
            throw OpenAPIShapeError(
                "NAFIDHA_OPENAPI_JSON is not set. Run the tests with scripts/test, which validates docs/openapi.yaml "
                    + "and converts it to JSON for them.")
        }
        let node = try JSONDecoder().decode(Node.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        guard case .object(let root) = node else { throw OpenAPIShapeError("the document is not an object") }
        return OpenAPIDocument(root: root)
    }

    /// Every operation under `paths`.
    func operations() throws -> Set<Operation> {
        guard case .object(let paths)? = root["paths"] else {
            throw OpenAPIShapeError("the document has no `paths` object")
        }
        var operations = Set<Operation>()
        for (path, item) in paths {
            guard path.hasPrefix("/"), case .object(let members) = item else {
                throw OpenAPIShapeError("paths.\(path) is not a path item (an object under a key starting with /)")
            }
            for key in members.keys {
                if Self.methods.contains(key) {
                    operations.insert(Operation(method: key.uppercased(), path: path))
                } else if !Self.pathItemFields.contains(key) && !key.hasPrefix("x-") {
                    throw OpenAPIShapeError(
                        "paths.\(path).\(key) is neither an HTTP method nor a path item field this test understands")
                }
            }
        }
        return operations
    }

    /// The node at `path` (member names from the root), following a `$ref` (`#/components/...`) wherever one
    /// stands instead of an object.
    func node(at path: [String]) throws -> Node {
        var current = Node.object(root)
        var walked: [String] = []
        for name in path {
            current = try resolved(current, at: walked)
            guard case .object(let members) = current, let next = members[name] else {
                throw OpenAPIShapeError("the document has no \((walked + [name]).joined(separator: "."))")
            }
            walked.append(name)
            current = next
        }
        return try resolved(current, at: walked)
    }

    /// The strings of the `enum` at `path`.
    func stringEnum(at path: [String]) throws -> [String] {
        let place = path.joined(separator: ".")
        guard case .object(let schema) = try node(at: path), case .array(let values)? = schema["enum"] else {
            throw OpenAPIShapeError("\(place) has no `enum` array")
        }
        return try values.map { value in
            guard case .string(let text) = value else { throw OpenAPIShapeError("\(place).enum holds a non-string") }
            return text
        }
    }

    /// `node` itself, or what its `$ref` points to (a JSON pointer into this document).
    private func resolved(_ node: Node, at path: [String]) throws -> Node {
        guard case .object(let members) = node, case .string(let reference)? = members["$ref"] else { return node }
        guard reference.hasPrefix("#/") else {
            throw OpenAPIShapeError("\(path.joined(separator: ".")) refers outside the document: \(reference)")
        }
        return try self.node(at: reference.dropFirst(2).split(separator: "/").map(String.init))
    }
}

/// The document is not shaped as `OpenAPIDocument` understands it.
struct OpenAPIShapeError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = "docs/openapi.yaml: " + description
    }
}
