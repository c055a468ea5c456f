/// What has been registered on a router, kept under its lock until the first request compiles it.
struct RouteRegistry<Context: RequestContextProtocol>: Sendable {
    struct Route: Sendable {
        var method: String
        var pattern: RoutePattern
        var inline: Bool
        var streamingBodyLimit: Int?
        var group: Int?
        var handler: HTTPRouter<Context>.Handler
    }

    struct Group: Sendable {
        var prefix: RoutePattern
        var parent: Int?
        var middleware: [any HTTPMiddleware<Context>] = []
    }

    var routes: [Route] = []
    /// Indexed by group id, in creation order.
    var groups: [Group] = []
    /// The router's own middleware, outermost first.
    var middleware: [any HTTPMiddleware<Context>] = []
    var isFrozen = false

    mutating func addRoute(
        method: String, path: String, inline: Bool, streamingBodyLimit: Int? = nil, group: Int?,
        handler: @escaping HTTPRouter<Context>.Handler
    ) {
        let prefix = group.map { groups[$0].prefix.template } ?? ""
        routes.append(
            Route(
                method: method, pattern: RoutePattern(prefix + "/" + path), inline: inline,
                streamingBodyLimit: streamingBodyLimit, group: group, handler: handler))
    }

    mutating func addGroup(prefix: String, parent: Int?) -> Int {
        let outer = parent.map { groups[$0].prefix.template } ?? ""
        groups.append(Group(prefix: RoutePattern(outer + "/" + prefix), parent: parent))
        return groups.count - 1
    }

    /// The middleware a request in `group` passes through: the router's, then each enclosing group's, outermost first.
    func chain(for group: Int?) -> [any HTTPMiddleware<Context>] {
        var groupChain: [any HTTPMiddleware<Context>] = []
        var current = group
        while let id = current {
            groupChain.insert(contentsOf: groups[id].middleware, at: 0)
            current = groups[id].parent
        }
        return middleware + groupChain
    }
}
