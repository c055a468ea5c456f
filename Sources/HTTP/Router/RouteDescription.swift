/// One entry of a router's route table, e.g. for comparing the routes with an OpenAPI document.
public struct RouteDescription: Sendable, Hashable, CustomStringConvertible {
    /// The method, e.g. `GET`.
    public var method: String
    /// The full path template with group prefixes, parameters as `:name`: `/v1/requests/:tracking`.
    public var path: String

    /// Creates an entry.
    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    /// The template with parameters as `{name}`, as OpenAPI writes paths: `/v1/requests/{tracking}`.
    public var openAPIPath: String {
        "/"
            + path.split(separator: "/").map { segment in
                segment.hasPrefix(":") ? "{" + segment.dropFirst() + "}" : String(segment)
            }.joined(separator: "/")
    }

    /// `GET /v1/requests/:tracking`.
    public var description: String { "\(method) \(path)" }
}
