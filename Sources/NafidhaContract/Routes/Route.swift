/// A route of the API with the types it exchanges: its body (`NoBody` when it takes none) and its answer.
public struct Route<Body: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    /// Method and path template.
    public let template: RouteTemplate

    /// A route `method path`.
    public init(_ method: RouteMethod, _ path: String) {
        template = RouteTemplate(method, path)
    }

    /// The method.
    public var method: RouteMethod { template.method }

    /// The concrete request for the template's parameters, in order, each percent-encoded as one segment.
    /// - Precondition: as many values as the template has parameters (the builders in `Routes` guarantee it).
    public func target(_ values: String..., query: [QueryItem] = []) -> RouteTarget<Body, Response> {
        let names = template.parameterNames
        precondition(values.count == names.count, "\(template) takes \(names.count) parameters")
        var remaining = values[...]
        let segments = template.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix(":") else { return String(segment) }
            return PercentEncoding.encode(remaining.removeFirst())
        }
        return RouteTarget(method: method, path: segments.joined(separator: "/"), query: query)
    }
}
