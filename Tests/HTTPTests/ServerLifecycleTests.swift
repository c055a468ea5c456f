import Foundation
import HTTP
import Testing

@Suite("Server lifecycle")
struct ServerLifecycleTests {
    @Test("Shutdown lets an in-flight request finish, closes idle connections, then returns")
    func shutdownFinishesInFlightRequest() throws {
        let entered = Gate(value: 0)
        let router = basicRouter()
        router.get("/slow") { _, _ in
            entered.signal()
            Thread.sleep(forTimeInterval: 0.3)
            return .text("finished")
        }
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = .disabled
        let server = HTTPServer(configuration: configuration, responder: router)
        let port = try server.start()
        let idle = try TestClient(port: port)
        #expect(try idle.request("GET", "/healthz").status == 200)
        let busy = try TestClient(port: port)
        try busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        entered.wait()
        let start = Date()
        server.shutdown()
        #expect(Date().timeIntervalSince(start) < 5)
        let response = try busy.readResponse()
        #expect(response.text == "finished")
        #expect(response.header("Connection") == "close")
        #expect(busy.readUntilClosed())
        #expect(idle.readUntilClosed())
        #expect(throws: TestClient.Failure.self) { try TestClient(port: port) }
        server.shutdown()
    }

    @Test("Shutdown gives up on a request that outlives the bound")
    func shutdownIsBounded() throws {
        let release = Gate(value: 0)
        let entered = Gate(value: 0)
        let router = basicRouter()
        router.get("/stuck") { _, _ in
            entered.signal()
            release.wait()
            return .text("late")
        }
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = .disabled
        configuration.shutdownTimeout = .milliseconds(300)
        let server = HTTPServer(configuration: configuration, responder: router)
        let port = try server.start()
        let client = try TestClient(port: port)
        try client.send("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n")
        entered.wait()
        let start = Date()
        server.shutdown()
        let elapsed = Date().timeIntervalSince(start)
        release.signal()
        #expect(elapsed >= 0.25 && elapsed < 2)
        #expect(client.readUntilClosed())
    }

    @Test("Each answered request leaves one access-log line with method, path, status, bytes and id")
    func accessLogHasOneLinePerRequest() throws {
        let log = LogCapture()
        try withServer(basicRouter(), log: log) { port in
            let client = try TestClient(port: port)
            _ = try client.request("GET", "/hello?secret=1", headers: ["X-Request-ID: trace-1"])
            _ = try client.request("GET", "/missing", headers: ["X-Request-ID: trace-2"])
        }
        let lines = log.all
        #expect(lines.count == 2)
        #expect(lines.first?.contains("GET /hello 200 17 ") == true)
        #expect(lines.first?.hasSuffix("trace-1") == true)
        #expect(lines.first?.contains("secret") == false)
        #expect(lines.last?.contains("GET /missing 404 ") == true)
    }
}

@Suite("Server start errors")
struct ServerStartErrorTests {
    @Test("A host that is not a numeric address is refused with invalid_host")
    func nonNumericHostIsRefused() {
        var configuration = HTTPServer.Configuration()
        configuration.host = "localhost"
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, responder: basicRouter())
        #expect(throws: HTTPServerError.invalidHost) { try server.start() }
    }

    @Test("Binding a port already in use throws a SystemCallError naming bind")
    func portInUseIsReported() throws {
        try withServer(basicRouter()) { port in
            var configuration = HTTPServer.Configuration()
            configuration.port = port
            let second = HTTPServer(configuration: configuration, responder: basicRouter())
            let error = try #require(throws: SystemCallError.self) { try second.start() }
            #expect(error.call == "bind")
        }
    }

    @Test("Starting twice is refused with already_started")
    func secondStartIsRefused() throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = .disabled
        let server = HTTPServer(configuration: configuration, responder: basicRouter())
        try server.start()
        defer { server.shutdown() }
        #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
    }
}
