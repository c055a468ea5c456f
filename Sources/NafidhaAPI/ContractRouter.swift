import HTTP
import NafidhaContract

/// Registers the contract's routes (`NafidhaContract.Routes`) from their templates, on the router or on one of its
/// groups, so that no path is written in the API: a handler receives the route's body decoded and returns the
/// route's response type, which is encoded with `ContractJSON`. Bodies past the `JSONBodyLimits` are 422
/// `body_too_complex`; bodies that do not decode are 400 `invalid_json` or 422 `validation_failed` naming the member
/// (`JSONCoding`).
struct ContractRouter {
    /// Where routes go, by path prefix: the router itself (prefix ""), or groups.
    private let targets: [(prefix: String, routes: any RouterMethods<APIContext>)]
    /// The router, for making groups.
    private let router: HTTPRouter<APIContext>
    /// The shape every JSON body must keep within before it is decoded.
    private let limits: JSONBodyLimits

    /// Registers on `router` itself, bodies checked against `limits`.
    init(_ router: HTTPRouter<APIContext>, limits: JSONBodyLimits) {
        self.init(targets: [("", router)], router: router, limits: limits)
    }

    private init(
        targets: [(prefix: String, routes: any RouterMethods<APIContext>)], router: HTTPRouter<APIContext>,
        limits: JSONBodyLimits
    ) {
        self.targets = targets
        self.router = router
        self.limits = limits
    }

    /// Registers in one group per prefix (`/v1/staff`, ...), every group behind `middleware`, which runs for every
    /// request under the prefixes, unknown paths included. Every template registered there must start with one.
    func groups(_ prefixes: [String], middleware: some HTTPMiddleware<APIContext>) -> ContractRouter {
        ContractRouter(
            targets: prefixes.map { ($0, router.group($0).add(middleware: middleware)) }, router: router,
            limits: limits)
    }

    /// Registers `route`, whose body the handler receives decoded; `emptyBodyIsEmptyObject` reads an empty body
    /// as `{}` (for bodies whose members are all optional or checked by the service), else it is `invalid_json`.
    func register<Body, Response>(
        _ route: Route<Body, Response>, emptyBodyIsEmptyObject: Bool = false,
        _ handler: @escaping @Sendable (HTTPRequest, Body, APIContext) throws -> Answer<Response>
    ) {
        register(route, reading: Body.self, emptyBodyIsEmptyObject: emptyBodyIsEmptyObject, handler)
    }

    /// `register(_:emptyBodyIsEmptyObject:_:)` for a handler that answers the value alone, with 200.
    func register<Body, Response>(
        _ route: Route<Body, Response>, emptyBodyIsEmptyObject: Bool = false,
        _ handler: @escaping @Sendable (HTTPRequest, Body, APIContext) throws -> Response
    ) {
        register(route, emptyBodyIsEmptyObject: emptyBodyIsEmptyObject) { request, body, context in
            Answer(try handler(request, body, context))
        }
    }

    /// Registers a route that takes no body; `inline` runs it on the event loop (handlers that never block only).
    func register<Response>(
        _ route: Route<NoBody, Response>, inline: Bool = false,
        _ handler: @escaping @Sendable (HTTPRequest, APIContext) throws -> Answer<Response>
    ) {
        add(route.template, inline: inline) { request, context in
            try Self.response(try handler(request, context))
        }
    }

    /// `register(_:inline:_:)` for a handler that answers the value alone, with 200.
    func register<Response>(
        _ route: Route<NoBody, Response>, inline: Bool = false,
        _ handler: @escaping @Sendable (HTTPRequest, APIContext) throws -> Response
    ) {
        register(route, inline: inline) { request, context in Answer(try handler(request, context)) }
    }

    /// Registers `route` with its body read as `Read` rather than the route's body type: for a body the service
    /// checks member by member to report every problem at once (a submission), which typed decoding would stop at
    /// the first.
    func register<Body, Response, Read: Decodable & Sendable>(
        _ route: Route<Body, Response>, reading: Read.Type, emptyBodyIsEmptyObject: Bool = false,
        _ handler: @escaping @Sendable (HTTPRequest, Read, APIContext) throws -> Answer<Response>
    ) {
        let limits = limits
        add(route.template, inline: false) { request, context in
            let bytes = request.body.isEmpty && emptyBodyIsEmptyObject ? Array("{}".utf8) : request.body
            let body = try JSONCoding.decode(Read.self, from: bytes, limits: limits)
            return try Self.response(try handler(request, body, context))
        }
    }

    /// Registers `template` for a handler that makes its own response: one template shared by several typed routes
    /// whose format the query chooses (reports in CSV, HTML or JSON).
    func register(
        _ template: RouteTemplate, _ handler: @escaping @Sendable (HTTPRequest, APIContext) throws -> HTTPResponse
    ) {
        add(template, inline: false, handler)
    }

    /// Registers `route`, whose body is not JSON but a file streamed to the handler through `request.bodyReader`
    /// while it arrives, up to `streamingBodyLimit` bytes (a larger declared length is 413 before it is read).
    func register<Response>(
        _ route: Route<RawBody, Response>, streamingBodyLimit: Int,
        _ handler: @escaping @Sendable (HTTPRequest, APIContext) throws -> Answer<Response>
    ) {
        add(route.template, inline: false, streamingBodyLimit: streamingBodyLimit) { request, context in
            try Self.response(try handler(request, context))
        }
    }

    private func add(
        _ template: RouteTemplate, inline: Bool, streamingBodyLimit: Int? = nil,
        _ handler: @escaping @Sendable (HTTPRequest, APIContext) throws -> HTTPResponse
    ) {
        // A template under a group, or the group's own path (`/v1/events`).
        let target = targets.first { template.path == $0.prefix || template.path.hasPrefix($0.prefix + "/") }
        guard let target else {
            preconditionFailure("\(template) is under none of \(targets.map(\.prefix))")
        }
        let endpoint: @Sendable (HTTPRequest, APIContext) throws -> HTTPResponse = { request, context in
            // In the staff groups a refused token answers first, before the body or the parameters are read.
            _ = try context.staffAuthentication?.get()
            return try handler(request, context)
        }
        let path = String(template.path.dropFirst(target.prefix.count))
        if let streamingBodyLimit {
            target.routes.add(
                method: template.method.rawValue, path: path, streamingBodyLimit: streamingBodyLimit, handler: endpoint)
        } else {
            target.routes.add(method: template.method.rawValue, path: path, inline: inline, handler: endpoint)
        }
    }

    private static func response<Response>(_ answer: Answer<Response>) throws -> HTTPResponse {
        var response = HTTPResponse.json(bytes: try ContractJSON.encode(answer.value), status: answer.status)
        for field in answer.headers {
            response.headers.add(name: field.name, value: field.value)
        }
        return response
    }
}
