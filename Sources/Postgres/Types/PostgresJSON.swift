/// JSON passed through as text: sent to and read from `json` or `jsonb` columns without parsing in Swift.
public struct PostgresJSON: PostgresEncodable, PostgresDecodable, Sendable, Hashable {
    /// The JSON document as text.
    public var text: String

    /// Wraps JSON text; it is validated by the server, not here.
    public init(_ text: String) { self.text = text }

    /// Sent with type unknown, so the server reads it as `json` or `jsonb` as the statement needs.
    public var postgresParameter: PostgresParameter { PostgresParameter(text: text) }

    /// Any non-NULL text decodes; the server already validated it as JSON.
    public static func decode(from value: PostgresValue) -> PostgresJSON? {
        value.text.map(PostgresJSON.init)
    }
}
