import Foundation
import HTTP
import Testing

@Suite("Default response headers, worker saturation and what the logs leave out")
struct ServerResponseHeaderTests {
    private func client(_ port: Int) throws -> TestClient { try TestClient(port: port) }

    @Test("Every response carries X-Content-Type-Options: nosniff by default")
    func nosniffByDefault() throws {
        try withServer(basicRouter()) { port in
            let response = try client(port).request("GET", "/hello")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
        }
    }

    @Test("The server's own errors carry the default headers too")
    func defaultsOnServerErrors() throws {
        try withServer(basicRouter()) { port in
            let client = try TestClient(port: port)
            try client.send("GET /x HTTP/1.1\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.header("X-Content-Type-Options") == "nosniff")
        }
    }

    @Test("A handler's own field replaces the default of the same name instead of doubling it")
    func handlerFieldWinsOverDefault() throws {
        let router = Router()
        router.get("/own") { _, _ in
            var response = HTTPResponse.text("own")
            response.headers.add(name: "x-content-type-options", value: "custom")
            return response
        }
        try withServer(router) { port in
            let response = try TestClient(port: port).request("GET", "/own")
            #expect(
                response.headers.filter { $0.name.lowercased() == "x-content-type-options" }.map(\.value) == ["custom"])
        }
    }

    @Test("Configured default headers are added in order")
    func configuredDefaultsAreAdded() throws {
        let change = ConfigurationChange.configured {
            $0.defaultResponseHeaders = ["Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"]
        }
        try withServer(basicRouter(), change) { port in
            let response = try TestClient(port: port).request("GET", "/hello")
            #expect(response.header("Referrer-Policy") == "no-referrer")
            #expect(response.header("X-Frame-Options") == "DENY")
            #expect(response.header("X-Content-Type-Options") == nil)
        }
    }

    @Test("A handler reads the worker saturation: itself busy, the pool's size and queue capacity")
    func handlerSeesWorkerSaturation() throws {
        let router = Router()
        router.get("/load") { _, context in
            guard let load = context.workerSaturation else { return .text("none") }
            return .text("\(load.busyWorkers) \(load.workerCount) \(load.queuedRequests) \(load.queueCapacity)")
        }
        try withServer(router, .configured { $0.workerQueueLength = 7 }) { port in
            let response = try client(port).request("GET", "/load")
            #expect(response.text == "1 4 0 7")
        }
    }

    @Test("A context made outside a server has no worker saturation")
    func contextWithoutServerHasNoSaturation() {
        #expect(RequestContext(requestID: "t").workerSaturation == nil)
    }

    @Test("The access log shows the path without the query string")
    func accessLogOmitsQuery() throws {
        let log = LogCapture()
        try withServer(basicRouter(), log: log) { port in
            _ = try TestClient(port: port).request("GET", "/hello?api_key=s3cret&email=a%40b")
        }
        let line = try #require(log.all.first { $0.contains(" GET ") })
        #expect(line.contains(" GET /hello 200 "))
        #expect(!line.contains("s3cret"))
    }

    @Test("The error log line of a failing handler shows the path without the query string")
    func errorLogOmitsQuery() throws {
        struct Failure: Error {}
        let router = Router()
        router.post("/open311/v2/requests.json") { _, _ in throw Failure() }
        let log = LogCapture()
        try withServer(router, log: log) { port in
            let response = try TestClient(port: port).request(
                "POST", "/open311/v2/requests.json?api_key=s3cret&email=citizen%40example.org", body: "x")
            #expect(response.status == 500)
        }
        let line = try #require(log.all.first { $0.hasPrefix("error ") })
        #expect(line.contains("POST /open311/v2/requests.json: "))
        #expect(!log.all.contains { $0.contains("s3cret") || $0.contains("citizen") })
    }
}
