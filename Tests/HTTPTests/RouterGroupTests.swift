import HTTP
import Testing

/// A context carrying a typed value that middleware sets for the handlers.
private struct CallerContext: RequestContextProtocol {
    var core: RequestContext
    var caller: String?

    init(core: RequestContext) {
        self.core = core
    }
}

/// Sets the caller from the bearer token, or refuses with 401 when there is none.
private struct Authenticate: HTTPMiddleware {
    func handle(
        _ request: HTTPRequest, context: CallerContext, next: (HTTPRequest, CallerContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        guard let token = try request.bearerToken else {
            throw HTTPError(.unauthorized, code: "invalid_token", message: "A bearer token is required.")
        }
        var context = context
        context.caller = "staff:" + token
        return try next(request, context)
    }
}

@Suite("Router groups and contexts")
struct RouterGroupTests {
    private func staffRouter() -> HTTPRouter<CallerContext> {
        let router = HTTPRouter(context: CallerContext.self)
        router.get("/v1/catalog") { _, context in .text(context.caller ?? "anonymous") }
        let staff = router.group("/v1/staff").add(middleware: Authenticate())
        staff.get("/me") { _, context in .text(context.caller ?? "none") }
        staff.post("/tasks/:task/claim") { _, context in .text(try context.parameters.require("task")) }
        return router
    }

    @Test("Middleware hands a typed value to the handler through the context")
    func middlewareSetsTypedContextValue() throws {
        let response = try answer(staffRouter(), "GET", "/v1/staff/me", headers: [("Authorization", "Bearer abc")])
        #expect(response.text == "staff:abc")
    }

    @Test("A group's middleware guards its routes")
    func groupMiddlewareRunsForGroupRoutes() throws {
        let response = try answer(staffRouter(), "GET", "/v1/staff/me")
        #expect(response.status == .unauthorized)
    }

    @Test("A group's middleware does not run for routes outside the group")
    func groupMiddlewareSkipsOtherRoutes() throws {
        let response = try answer(staffRouter(), "GET", "/v1/catalog")
        #expect(response.status == .ok)
        #expect(response.text == "anonymous")
    }

    @Test("A group route's parameters are captured under the group prefix")
    func groupRouteCapturesParameters() throws {
        let response = try answer(
            staffRouter(), "POST", "/v1/staff/tasks/42/claim", headers: [("Authorization", "Bearer abc")])
        #expect(response.text == "42")
    }

    @Test("An unknown path under a group's prefix passes through the group's middleware before its 404")
    func notFoundUnderPrefixRunsGroupMiddleware() throws {
        let anonymous = try answer(staffRouter(), "GET", "/v1/staff/unknown")
        #expect(anonymous.status == .unauthorized)
        let authenticated = try answer(
            staffRouter(), "GET", "/v1/staff/unknown", headers: [("Authorization", "Bearer abc")])
        #expect(authenticated.status == .notFound)
    }

    @Test("A 405 under a group's prefix passes through the group's middleware")
    func methodNotAllowedUnderPrefixRunsGroupMiddleware() throws {
        let response = try answer(staffRouter(), "DELETE", "/v1/staff/me")
        #expect(response.status == .unauthorized)
    }

    @Test("An unknown path outside every group's prefix is a plain 404")
    func notFoundOutsidePrefixSkipsGroupMiddleware() throws {
        let response = try answer(staffRouter(), "GET", "/v1/staffroom")
        #expect(response.status == .notFound)
    }

    @Test("Nested groups compose: router, outer group, inner group, outermost first")
    func nestedGroupsCompose() throws {
        let router = Router()
        router.use(TraceMiddleware(tag: "router"))
        let outer = router.group("/v1").add(middleware: TraceMiddleware(tag: "outer"))
        let inner = outer.group("/staff").add(middleware: TraceMiddleware(tag: "inner"))
        inner.get("/me") { _, _ in .text("me") }
        outer.get("/catalog") { _, _ in .text("catalog") }
        #expect(try answer(router, "GET", "/v1/staff/me").trace == ["inner", "outer", "router"])
        #expect(try answer(router, "GET", "/v1/catalog").trace == ["outer", "router"])
        #expect(try answer(router, "GET", "/elsewhere").trace == ["router"])
    }

    @Test("A 404 gets the middleware of the group with the longest matching prefix")
    func longestPrefixScopesNotFound() throws {
        let router = Router()
        router.group("/v1").add(middleware: TraceMiddleware(tag: "v1"))
        router.group("/v1/staff").add(middleware: TraceMiddleware(tag: "staff"))
        #expect(try answer(router, "GET", "/v1/staff/x").trace == ["staff"])
        #expect(try answer(router, "GET", "/v1/x").trace == ["v1"])
    }

    @Test("The route table lists method and full template of every route in registration order")
    func routeTableListsRoutes() throws {
        let routes = staffRouter().routes
        #expect(
            routes.map(\.description) == ["GET /v1/catalog", "GET /v1/staff/me", "POST /v1/staff/tasks/:task/claim"])
        #expect(routes.last?.openAPIPath == "/v1/staff/tasks/{task}/claim")
    }
}
