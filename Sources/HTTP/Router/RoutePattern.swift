/// A path pattern: literal segments and `:name` segments that capture one whole path segment each.
struct RoutePattern: Sendable {
    enum Segment: Sendable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    /// The normalised path when the pattern has no parameters (the literal-route dictionary's key).
    let literalPath: String

    init(_ path: String) {
        segments = Self.segments(of: path).map { segment in
            segment.hasPrefix(":") ? .parameter(String(segment.dropFirst())) : .literal(String(segment))
        }
        literalPath = "/" + Self.segments(of: path).joined(separator: "/")
    }

    var isLiteral: Bool {
        segments.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// Non-empty segments: `/a//b/` and `/a/b` are the same path for routing.
    static func segments(of path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    static func normalised(_ path: String) -> String {
        "/" + segments(of: path).joined(separator: "/")
    }

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
}
