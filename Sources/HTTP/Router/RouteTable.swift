/// A frozen router: routes with their middleware composed once, found by literal path or pattern.
struct RouteTable<Context: RequestContextProtocol>: Sendable {
    typealias Endpoint = HTTPRouter<Context>.Endpoint

    struct Route: Sendable {
        var method: String
        var pattern: RoutePattern
        var inline: Bool
        /// The body limit of a streaming-body route; nil for a buffered body.
        var streamingBodyLimit: Int?
        /// The handler wrapped in the router's and its groups' middleware.
        var endpoint: Endpoint
    }

    /// Where a 404 or 405 is answered: the middleware of the group whose prefix holds the path (or the router's).
    struct Scope: Sendable {
        var prefix: RoutePattern?
        var middleware: [any HTTPMiddleware<Context>]

        func run(_ request: HTTPRequest, _ context: Context, _ endpoint: @escaping Endpoint) throws -> HTTPResponse {
            try RouteTable.compose(middleware, endpoint)(request, context)
        }
    }

    enum Match {
        case found(Route, RouteParameters)
        case methodNotAllowed([String])
        case notFound
    }

    private var literalRoutes: [String: [Route]] = [:]
    private var patternRoutes: [Route] = []
    /// Group scopes, longest prefix first, then the router's own scope (always there, last).
    private var scopes = [Scope(prefix: nil, middleware: [])]

    init() {}

    init(_ registry: RouteRegistry<Context>) {
        for registered in registry.routes {
            let route = Route(
                method: registered.method, pattern: registered.pattern, inline: registered.inline,
                streamingBodyLimit: registered.streamingBodyLimit,
                endpoint: Self.compose(registry.chain(for: registered.group), registered.handler))
            if route.pattern.isLiteral {
                literalRoutes[route.pattern.template, default: []].append(route)
            } else {
                patternRoutes.append(route)
            }
        }
        // Longest prefix first; among equally long prefixes the group created first wins.
        let order = registry.groups.indices.sorted { left, right in
            let (leftCount, rightCount) = (
                registry.groups[left].prefix.segments.count, registry.groups[right].prefix.segments.count
            )
            return leftCount != rightCount ? leftCount > rightCount : left < right
        }
        scopes =
            order.map { Scope(prefix: registry.groups[$0].prefix, middleware: registry.chain(for: $0)) }
            + [Scope(prefix: nil, middleware: registry.middleware)]
    }

    /// Wraps `endpoint` in `middleware`, the first element outermost.
    static func compose(_ middleware: [any HTTPMiddleware<Context>], _ endpoint: @escaping Endpoint) -> Endpoint {
        middleware.reversed().reduce(endpoint) { next, middleware in
            { request, context in try middleware.handle(request, context: context, next: next) }
        }
    }

    func scope(of path: RequestPath) -> Scope {
        guard scopes.count > 1 else { return scopes[0] }
        let segments = path.segments
        return scopes.first { $0.prefix?.matchesPrefix(of: segments) ?? true }!
    }

    func resolve(method: String, path: RequestPath) -> Match {
        let literal = path.literalKey.flatMap { literalRoutes[$0] }
        // The common case, an exact literal match, costs one dictionary lookup and no allocation.
        if let literal, let route = literal.first(where: { $0.method == method }) {
            return .found(route, RouteParameters())
        }
        var candidates: [(Route, RouteParameters)] = []
        if let routes = literal {
            candidates = routes.map { ($0, RouteParameters()) }
        }
        if !patternRoutes.isEmpty {
            let segments = path.segments
            for route in patternRoutes {
                if let parameters = route.pattern.match(segments) {
                    candidates.append((route, parameters))
                }
            }
        }
        if candidates.isEmpty {
            return .notFound
        }
        if let exact = candidates.first(where: { $0.0.method == method }) {
            return .found(exact.0, exact.1)
        }
        if method == "HEAD", let get = candidates.first(where: { $0.0.method == "GET" }) {
            return .found(get.0, get.1)
        }
        var allowed: [String] = []
        for (route, _) in candidates where !allowed.contains(route.method) {
            allowed.append(route.method)
            if route.method == "GET" && !allowed.contains("HEAD") {
                allowed.append("HEAD")
            }
        }
        return .methodNotAllowed(allowed)
    }
}
