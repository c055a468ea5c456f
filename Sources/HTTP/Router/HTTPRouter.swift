import Synchronization

/// The router of the default context: `var router = Router()`.
public typealias Router = HTTPRouter<RequestContext>

/// Routes requests by method and path pattern (`/v1/requests/:tracking`) through middleware to handlers.
///
/// Routes, groups and middleware are registered first; the first request (or `runsInline`) freezes the router,
/// after which it is read by many threads without a lock and a further registration is a programming error
/// (it traps). Literal paths are found with one dictionary lookup; patterns are tried in registration order.
/// HEAD falls back to GET routes. A path no route matches is 404 `not_found`; a path matched only under other
/// methods is 405 `method_not_allowed` with `Allow`. Paths are matched segment by segment on the raw target
/// (`HTTPRequestHead.rawPath` split on `/`, then each segment decoded), so `%2F` never separates segments.
public final class HTTPRouter<Context: RequestContextProtocol>: HTTPResponder, RouterMethods {
    /// A route handler: synchronous, run on a worker thread unless the route was registered `inline`.
    public typealias Handler = @Sendable (HTTPRequest, Context) throws -> HTTPResponse
    typealias Endpoint = @Sendable (HTTPRequest, Context) throws -> HTTPResponse

    private let registration = Mutex(RouteRegistry<Context>())
    private let isFrozen = Atomic<Bool>(false)
    /// Written once, under `registration`'s lock, before `isFrozen` is set; only read after that.
    nonisolated(unsafe) private var frozenTable = RouteTable<Context>()

    /// Creates an empty router.
    public init() {}

    /// Creates an empty router for handlers and middleware of `context` (spelled out where it is not inferred).
    public convenience init(context: Context.Type) {
        self.init()
    }

    /// Registers `handler` for `method` on `path`.
    /// - Parameters:
    ///   - inline: run on the event loop instead of a worker; only for handlers that never block (e.g. `/healthz`).
    public func add(method: String, path: String, inline: Bool = false, handler: @escaping Handler) {
        register { $0.addRoute(method: method, path: path, inline: inline, group: nil, handler: handler) }
    }

    /// Registers `handler` for `method` on `path` with a streaming request body of at most `maxBodyBytes` (see
    /// `RouterMethods.add(method:path:streamingBodyLimit:handler:)`).
    public func add(method: String, path: String, streamingBodyLimit maxBodyBytes: Int, handler: @escaping Handler) {
        register {
            $0.addRoute(
                method: method, path: path, inline: false, streamingBodyLimit: maxBodyBytes, group: nil,
                handler: handler)
        }
    }

    /// Adds a middleware that runs for every request, 404 and 405 included; the first added is the outermost,
    /// and all of them run outside any group's middleware.
    public func use(_ middleware: some HTTPMiddleware<Context>) {
        register { $0.middleware.append(middleware) }
    }

    /// A group of routes under `prefix` (`/v1/staff`), with middleware of its own (see `RouterGroup`).
    public func group(_ prefix: String) -> RouterGroup<Context> {
        RouterGroup(router: self, id: register { $0.addGroup(prefix: prefix, parent: nil) })
    }

    /// Every registered route, in registration order: method and full path template (group prefixes included).
    public var routes: [RouteDescription] {
        registration.withLock { registry in
            registry.routes.map { RouteDescription(method: $0.method, path: $0.pattern.template) }
        }
    }

    /// Routes the request through the middleware to its handler, or throws 404/405.
    public func respond(to request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        let table = self.table
        var context = Context(core: context)
        let path = RequestPath(request.head)
        switch table.resolve(method: request.method, path: path) {
        case .found(let route, let parameters):
            context.parameters = parameters
            return try route.endpoint(request, context)
        case .methodNotAllowed(let allowed):
            return try table.scope(of: path).run(request, context) { request, _ in
                throw HTTPError(
                    .methodNotAllowed, code: "method_not_allowed",
                    message: "\(request.method) is not allowed on this path.",
                    headers: HTTPHeaders([(name: "Allow", value: allowed.joined(separator: ", "))])
                )
            }
        case .notFound:
            return try table.scope(of: path).run(request, context) { _, _ in throw HTTPError.notFound() }
        }
    }

    /// Whether the matched route was registered `inline`.
    public func runsInline(_ head: HTTPRequestHead) -> Bool {
        route(for: head).inline
    }

    /// The matched route's template and whether it was registered `inline`; no template when none matched.
    public func route(for head: HTTPRequestHead) -> ResponderRoute {
        if case .found(let route, _) = table.resolve(method: head.method, path: RequestPath(head)) {
            return ResponderRoute(
                template: route.pattern.template, inline: route.inline, streamingBodyLimit: route.streamingBodyLimit)
        }
        return ResponderRoute(template: nil, inline: false)
    }

    func addGroupMiddleware(_ middleware: any HTTPMiddleware<Context>, to group: Int) {
        register { $0.groups[group].middleware.append(middleware) }
    }

    func addRoute(
        method: String, path: String, inline: Bool, streamingBodyLimit: Int? = nil, group: Int,
        handler: @escaping Handler
    ) {
        register {
            $0.addRoute(
                method: method, path: path, inline: inline, streamingBodyLimit: streamingBodyLimit, group: group,
                handler: handler)
        }
    }

    func addGroup(prefix: String, parent: Int) -> Int {
        register { $0.addGroup(prefix: prefix, parent: parent) }
    }

    private func register<T>(_ change: (inout RouteRegistry<Context>) -> T) -> T {
        registration.withLock { registry in
            precondition(!registry.isFrozen, "HTTPRouter: routes and middleware must be added before it serves")
            return change(&registry)
        }
    }

    /// The compiled table; the first call freezes the registration.
    private var table: RouteTable<Context> {
        if isFrozen.load(ordering: .acquiring) { return frozenTable }
        return registration.withLock { registry in
            if !registry.isFrozen {
                frozenTable = RouteTable(registry)
                registry.isFrozen = true
                isFrozen.store(true, ordering: .releasing)
            }
            return frozenTable
        }
    }
}
