/// Routes requests by method and path pattern (`/v1/requests/:tracking`) through a middleware chain.
///
/// Literal paths are found with one dictionary lookup; patterns with parameters are tried in registration order.
/// HEAD falls back to GET routes. A path no route matches is 404 `not_found`; a path matched only under other
/// methods is 405 `method_not_allowed` with `Allow`.
public struct Router: HTTPResponder {
    /// A route handler: synchronous, run on a worker thread unless the route was registered `inline`.
    public typealias Handler = @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse

    struct Route: Sendable {
        var method: String
        var pattern: RoutePattern
        var inline: Bool
        var handler: Handler
    }

    var literalRoutes: [String: [Route]] = [:]
    var patternRoutes: [Route] = []
    private var middleware: [any HTTPMiddleware] = []

    /// Creates an empty router.
    public init() {}

    /// Registers `handler` for `method` on `path`.
    /// - Parameters:
    ///   - inline: run on the event loop instead of a worker; only for handlers that never block (e.g. `/healthz`).
    public mutating func add(method: String, path: String, inline: Bool = false, handler: @escaping Handler) {
        let route = Route(method: method, pattern: RoutePattern(path), inline: inline, handler: handler)
        if route.pattern.isLiteral {
            literalRoutes[route.pattern.literalPath, default: []].append(route)
        } else {
            patternRoutes.append(route)
        }
    }

    /// Adds a middleware; the first added is the outermost.
    public mutating func use(_ middleware: some HTTPMiddleware) {
        self.middleware.append(middleware)
    }

    /// Routes the request through the middleware chain to its handler, or throws 404/405.
    public func respond(to request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        var context = context
        let match = resolve(method: request.method, path: request.path)
        let endpoint: (HTTPRequest, RequestContext) throws -> HTTPResponse
        switch match {
        case .found(let route, let parameters):
            context.parameters = parameters
            endpoint = route.handler
        case .methodNotAllowed(let allowed):
            endpoint = { request, _ in
                throw HTTPError(
                    .methodNotAllowed, code: "method_not_allowed",
                    message: "\(request.method) is not allowed on this path.",
                    headers: HTTPHeaders([(name: "Allow", value: allowed.joined(separator: ", "))])
                )
            }
        case .notFound:
            endpoint = { _, _ in throw HTTPError.notFound() }
        }
        if middleware.isEmpty {
            return try endpoint(request, context)
        }
        return try chain(index: 0, request: request, context: context, endpoint: endpoint)
    }

    /// Whether the matched route was registered `inline`.
    public func runsInline(_ head: HTTPRequestHead) -> Bool {
        if case .found(let route, _) = resolve(method: head.method, path: head.path) {
            return route.inline
        }
        return false
    }

    private func chain(
        index: Int, request: HTTPRequest, context: RequestContext,
        endpoint: (HTTPRequest, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        if index == middleware.count {
            return try endpoint(request, context)
        }
        return try middleware[index].handle(request, context: context) { request, context in
            try chain(index: index + 1, request: request, context: context, endpoint: endpoint)
        }
    }
}
