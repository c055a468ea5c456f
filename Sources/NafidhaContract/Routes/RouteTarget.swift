/// One request of a route: the method and the concrete path and query, typed by what the route exchanges.
public struct RouteTarget<Body: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    /// The method.
    public let method: RouteMethod
    /// The path, its parameters percent-encoded.
    public let path: String
    /// The query's parameters, not encoded.
    public let query: [QueryItem]

    /// The request-target of the request line: the path, then `?` and the encoded query when there is one.
    public var requestTarget: String {
        query.isEmpty ? path : path + "?" + query.map(\.encoded).joined(separator: "&")
    }
}
