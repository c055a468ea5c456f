import Foundation
import HTTP
import Testing

/// Adds a header so tests can see the middleware ran, and in which order; renders thrown HTTPErrors to do so.
private struct TagMiddleware: HTTPMiddleware {
    let tag: String

    func handle(
        _ request: HTTPRequest, context: RequestContext, next: (HTTPRequest, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var response: HTTPResponse
        do {
            response = try next(request, context)
        } catch let error as HTTPError {
            response = error.response
        }
        response.headers.add(name: "X-Trace", value: tag)
        return response
    }
}

private struct Failure: Error {}

@Suite("Router")
struct RouterTests {
    private func router() -> Router {
        let router = Router()
        router.get("/v1/requests/:tracking") { _, context in
            .text("request \(context.parameters["tracking"] ?? "?")")
        }
        router.post("/v1/requests") { _, _ in .json(#"{"created":true}"#, status: .created) }
        router.get("/open311/v2/services/:code") { _, context in
            .text(try context.parameters.require("code"))
        }
        router.get("/fields") { _, _ in
            throw HTTPError(
                .unprocessableContent, code: "validation_failed", message: "Some fields are wrong.",
                headers: HTTPHeaders([(name: "X-Hint", value: "see fields")]),
                extraJSON: [(name: "fields", json: #"{"name":"required"}"#)]
            )
        }
        router.get("/crash") { _, _ in throw Failure() }
        return router
    }

    @Test("A parameter segment is captured and handed to the handler")
    func parametersAreCaptured() throws {
        try withServer(router()) { port in
            let client = try TestClient(port: port)
            #expect(try client.request("GET", "/v1/requests/ABC-42").text == "request ABC-42")
            #expect(try client.request("GET", "/open311/v2/services/001.json").text == "001.json")
        }
    }

    @Test("An unknown path is 404 not_found in the JSON error shape")
    func unknownPathIs404() throws {
        try withServer(router()) { port in
            let response = try TestClient(port: port).request("GET", "/nope")
            #expect(response.status == 404)
            #expect(
                response.text == #"{"error":{"code":"not_found","message":"No resource matches the request path."}}"#)
        }
    }

    @Test("A known path with another method is 405 with Allow listing the methods")
    func wrongMethodIs405WithAllow() throws {
        try withServer(router()) { port in
            let client = try TestClient(port: port)
            let response = try client.request("DELETE", "/v1/requests/X")
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
            #expect(response.text.contains(#""code":"method_not_allowed""#))
            let post = try client.request("PUT", "/v1/requests")
            #expect(post.header("Allow") == "POST")
        }
    }

    @Test("HEAD falls back to the GET route")
    func headFallsBackToGet() throws {
        try withServer(router()) { port in
            let response = try TestClient(port: port).request("HEAD", "/v1/requests/7")
            #expect(response.status == 200)
            #expect(response.header("Content-Length") == "9")
        }
    }

    @Test("A thrown HTTPError becomes its status, headers and JSON with extra members")
    func httpErrorIsRendered() throws {
        try withServer(router()) { port in
            let response = try TestClient(port: port).request("GET", "/fields")
            #expect(response.status == 422)
            #expect(response.header("X-Hint") == "see fields")
            #expect(
                response.text
                    == #"{"error":{"code":"validation_failed","message":"Some fields are wrong.","fields":{"name":"required"}}}"#
            )
        }
    }

    @Test("Any other thrown error is 500 internal_error without details")
    func otherErrorsAre500WithoutDetails() throws {
        try withServer(router()) { port in
            let response = try TestClient(port: port).request("GET", "/crash")
            #expect(response.status == 500)
            #expect(
                response.text
                    == #"{"error":{"code":"internal_error","message":"The server failed to handle the request."}}"#)
        }
    }

    @Test("Middleware runs outermost-first around every route and sees a 404 as a thrown HTTPError")
    func middlewareWrapsRoutes() throws {
        let router = router()
        router.use(TagMiddleware(tag: "outer"))
        router.use(TagMiddleware(tag: "inner"))
        try withServer(router) { port in
            let client = try TestClient(port: port)
            let found = try client.request("GET", "/v1/requests/1")
            #expect(found.headers.filter { $0.name == "X-Trace" }.map(\.value) == ["inner", "outer"])
            let missing = try client.request("GET", "/nope")
            #expect(missing.status == 404)
            #expect(missing.headers.filter { $0.name == "X-Trace" }.map(\.value) == ["inner", "outer"])
        }
    }

    @Test("A chunked request body reaches the handler de-chunked")
    func chunkedRequestBodyIsDechunked() throws {
        try withServer(basicRouter()) { port in
            let client = try TestClient(port: port)
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
            )
            #expect(try client.readResponse().text == "hello world")
        }
    }
}
