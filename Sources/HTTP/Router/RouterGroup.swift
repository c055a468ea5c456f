/// Routes under one path prefix that share middleware: `router.group("/v1/staff").add(middleware: auth)`.
///
/// A group's middleware runs, outermost first and inside the router's own middleware, for the group's routes
/// and for the 404 and 405 answers to paths under its prefix (so an authentication middleware also guards
/// probing of unknown paths there). Nested groups compose: the outer group's middleware runs first. Where groups'
/// prefixes overlap, a 404/405 gets the middleware of the group with the longest prefix.
public struct RouterGroup<Context: RequestContextProtocol>: RouterMethods, Sendable {
    let router: HTTPRouter<Context>
    let id: Int

    /// Adds a middleware for this group's routes; the first added is the outermost. Returns the group.
    @discardableResult
    public func add(middleware: some HTTPMiddleware<Context>) -> RouterGroup<Context> {
        router.addGroupMiddleware(middleware, to: id)
        return self
    }

    /// A group nested under this one: its prefix is appended to this group's.
    public func group(_ prefix: String) -> RouterGroup<Context> {
        RouterGroup(router: router, id: router.addGroup(prefix: prefix, parent: id))
    }

    /// Registers `handler` for `method` on the group's prefix followed by `path`.
    public func add(
        method: String, path: String, inline: Bool = false,
        handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse
    ) {
        router.addRoute(method: method, path: path, inline: inline, group: id, handler: handler)
    }

    /// Registers `handler` for `method` on the group's prefix followed by `path`, with a streaming request body.
    public func add(
        method: String, path: String, streamingBodyLimit maxBodyBytes: Int,
        handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse
    ) {
        router.addRoute(
            method: method, path: path, inline: false, streamingBodyLimit: maxBodyBytes, group: id, handler: handler)
    }
}
