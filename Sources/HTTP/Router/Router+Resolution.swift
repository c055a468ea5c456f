extension Router {
    enum Match {
        case found(Route, RouteParameters)
        case methodNotAllowed([String])
        case notFound
    }

    func resolve(method: String, path: String) -> Match {
        let literal = literalRoutes[path] ?? literalRoutes[RoutePattern.normalised(path)]
        // The common case, an exact literal match, costs one dictionary lookup and no allocation.
        if let literal, let route = literal.first(where: { $0.method == method }) {
            return .found(route, RouteParameters())
        }
        var candidates: [(Route, RouteParameters)] = []
        if let routes = literal {
            candidates = routes.map { ($0, RouteParameters()) }
        }
        if !patternRoutes.isEmpty {
            let segments = RoutePattern.segments(of: path)
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
