/// A path pattern: literal segments and `:name` segments that capture one whole path segment each.
struct RoutePattern: Sendable {
    enum Segment: Sendable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    /// The normalised template (`/v1/requests/:tracking`): also the literal-route dictionary's key.
    let template: String

    init(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        segments = parts.map { segment in
            segment.hasPrefix(":") ? .parameter(String(segment.dropFirst())) : .literal(String(segment))
        }
        template = "/" + parts.joined(separator: "/")
    }

    var isLiteral: Bool {
        segments.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// The captured parameters when `pathSegments` (decoded) match the whole pattern; nil otherwise.
    func match(_ pathSegments: [Substring]) -> RouteParameters? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters = RouteParameters()
        for (segment, value) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal):
                if literal != value { return nil }
            case .parameter(let name):
                parameters.append(name: name, value: String(value))
            }
        }
        return parameters
    }

    /// Whether the pattern matches the first segments of `pathSegments` (a group prefix holding the path).
    func matchesPrefix(of pathSegments: [Substring]) -> Bool {
        guard pathSegments.count >= segments.count else { return false }
        for (segment, value) in zip(segments, pathSegments) {
            if case .literal(let literal) = segment, literal != value { return false }
        }
        return true
    }
}
