import Foundation
import HTTP
import Testing

@Suite("Server timeouts and overload of the log")
struct ServerTimeoutTests {
    @Test("An idle kept-alive connection is closed after the keep-alive timeout")
    func idleConnectionIsClosedAfterKeepAliveTimeout() throws {
        try withServer(basicRouter(), .configured { $0.keepAliveTimeout = .milliseconds(300) }) { port in
            let client = try TestClient(port: port)
            #expect(try client.request("GET", "/healthz").status == 200)
            let start = Date()
            #expect(client.readUntilClosed())
            #expect(Date().timeIntervalSince(start) < 2)
        }
    }

    @Test("A body that stops arriving is abandoned after the body idle timeout")
    func stalledBodyIsClosedAfterBodyIdleTimeout() throws {
        try withServer(basicRouter(), .configured { $0.bodyIdleTimeout = .milliseconds(300) }) { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345")
            let start = Date()
            #expect(client.readUntilClosed())
            #expect(Date().timeIntervalSince(start) < 2)
        }
    }

    @Test("A streaming writer sees write_timeout when the client stops reading")
    func streamingWriterSeesWriteTimeout() throws {
        let failure = Gate(value: 0)
        let seen = LogCapture()
        let router = basicRouter()
        router.get("/export") { _, _ in
            HTTPResponse(
                body: .stream { writer in
                    let chunk = [UInt8](repeating: 0x41, count: 64 * 1024)
                    do {
                        while true { try writer.write(chunk) }
                    } catch {
                        seen.record((error as? HTTPStreamError)?.code ?? "\(error)")
                        failure.signal()
                        throw error
                    }
                })
        }
        try withServer(
            router,
            .configured {
                $0.writeTimeout = .milliseconds(400)
                $0.outboundHighWaterBytes = 64 * 1024
            }
        ) { port in
            let client = try TestClient(port: port)
            client.setReceiveBuffer(4096)
            try client.send("GET /export HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(failure.wait(timeout: .now() + 5) == .success)
        }
        #expect(seen.all == ["write_timeout"])
    }

    @Test("Access-log lines beyond the buffer are dropped and counted, not lost silently")
    func droppedAccessLogLinesAreCounted() throws {
        let release = Gate(value: 0)
        let lines = LogCapture()
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLogBufferLines = 1
        configuration.accessLog = .custom { line in
            // The first line blocks the log thread, so the buffer fills behind it.
            if lines.all.isEmpty { release.wait() }
            lines.record(line)
        }
        let server = HTTPServer(configuration: configuration, responder: basicRouter())
        let port = try server.start()
        let client = try TestClient(port: port)
        for _ in 0..<5 {
            #expect(try client.request("GET", "/healthz").status == 200)
        }
        #expect(server.droppedAccessLogLines >= 2)
        release.signal()
        server.shutdown()
        #expect(lines.all.contains { $0.hasPrefix("access log: ") && $0.contains("dropped") })
    }
}

@Suite("Streaming edge cases")
struct StreamingEdgeCaseTests {
    private func router() -> Router {
        let router = basicRouter()
        router.get("/stream", inline: true) { _, _ in
            HTTPResponse(
                body: .stream { writer in
                    try writer.write("part one, ")
                    try writer.write("part two")
                })
        }
        return router
    }

    @Test("An inline route's stream still runs on a worker and arrives chunked")
    func inlineRouteStreamArrivesChunked() throws {
        try withServer(router()) { port in
            let client = try TestClient(port: port)
            let response = try client.request("GET", "/stream")
            #expect(response.header("Transfer-Encoding") == "chunked")
            #expect(response.text == "part one, part two")
            #expect(try client.request("HEAD", "/stream").body.isEmpty)
            #expect(try client.request("GET", "/healthz").text == "ok")
        }
    }

    @Test("An HTTP/1.0 client gets a streamed body unchunked, ended by the close")
    func http10StreamEndsWithClose() throws {
        try withServer(router()) { port in
            let client = try TestClient(port: port)
            try client.send("GET /stream HTTP/1.0\r\n\r\n")
            let head = try client.readResponse(head: true)
            #expect(head.status == 200)
            #expect(head.header("Transfer-Encoding") == nil)
            #expect(head.header("Connection") == "close")
            #expect(client.readUntilClosed())
            #expect(client.remainingText == "part one, part two")
        }
    }
}
