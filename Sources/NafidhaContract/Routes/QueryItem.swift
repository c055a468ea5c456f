/// One `name=value` parameter of a query string.
public struct QueryItem: Hashable, Sendable {
    /// The parameter's name.
    public var name: String
    /// Its value, not encoded.
    public var value: String

    /// A parameter.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `name=value`, both percent-encoded.
    public var encoded: String {
        PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value)
    }
}
