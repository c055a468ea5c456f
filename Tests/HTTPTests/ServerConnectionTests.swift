import Foundation
import HTTP
import Testing

@Suite("Server connections")
struct ServerConnectionTests {
    @Test("A kept-alive connection answers several requests in turn")
    func keepAliveServesSeveralRequests() throws {
        try withServer(basicRouter()) { port in
            let client = try TestClient(port: port)
            for _ in 0..<3 {
                let response = try client.request("GET", "/hello")
                #expect(response.status == 200)
                #expect(response.text == #"{"hello":"world"}"#)
                #expect(response.header("Connection") == nil)
                #expect(response.header("Date")?.hasSuffix("GMT") == true)
            }
        }
    }

    @Test("Three pipelined requests in one write are answered in order")
    func pipelinedRequestsAreAnsweredInOrder() throws {
        let router = Router()
        router.get("/slow/:name") { _, context in
            // The first request is the slowest: an out-of-order server would answer it last.
            let name = context.parameters["name"] ?? ""
            if name == "a" { Thread.sleep(forTimeInterval: 0.1) }
            return .text(name)
        }
        try withServer(router) { port in
            let client = try TestClient(port: port)
            try client.send(
                "GET /slow/a HTTP/1.1\r\nHost: x\r\n\r\nGET /slow/b HTTP/1.1\r\nHost: x\r\n\r\nGET /slow/c HTTP/1.1\r\nHost: x\r\n\r\n"
            )
            let bodies = try (0..<3).map { _ in try client.readResponse().text }
            #expect(bodies == ["a", "b", "c"])
        }
    }

    @Test("Connection: close is answered with Connection: close and the connection is closed")
    func connectionCloseClosesAfterTheResponse() throws {
        try withServer(basicRouter()) { port in
            let client = try TestClient(port: port)
            let response = try client.request("GET", "/hello", headers: ["Connection: close"])
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(client.readUntilClosed())
        }
    }

    @Test("An HTTP/1.0 request without keep-alive gets its response and a close")
    func http10ClosesByDefault() throws {
        try withServer(basicRouter()) { port in
            let client = try TestClient(port: port)
            try client.send("GET /hello HTTP/1.0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(client.readUntilClosed())
        }
    }

    @Test("HEAD gets the GET route's headers and no body")
    func headHasHeadersButNoBody() throws {
        try withServer(basicRouter()) { port in
            let client = try TestClient(port: port)
            let head = try client.request("HEAD", "/hello")
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "17")
            #expect(head.body.isEmpty)
            // The next response on the same connection must parse cleanly: no stray body bytes were sent.
            let next = try client.request("GET", "/healthz")
            #expect(next.text == "ok")
        }
    }

    @Test("Expect: 100-continue gets 100 Continue before the body is sent")
    func expectContinueGetsInterimResponse() throws {
        try withServer(basicRouter()) { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            try client.send("hello")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello")
        }
    }

    @Test("Expect: 100-continue with a too-large declared length gets 413 without 100")
    func expectContinueWithTooLargeBodyGets413() throws {
        try withServer(basicRouter(), .configured { $0.maxBodyBytes = 10 }) { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(client.readUntilClosed())
        }
    }

    @Test("A sane X-Request-ID is echoed and an insane one is replaced")
    func requestIDIsEchoedOrGenerated() throws {
        let log = LogCapture()
        try withServer(basicRouter(), log: log) { port in
            let client = try TestClient(port: port)
            let kept = try client.request("GET", "/hello", headers: ["X-Request-ID: abc-123"])
            #expect(kept.header("X-Request-ID") == "abc-123")
            let replaced = try client.request("GET", "/hello", headers: ["X-Request-ID: has spaces{}"])
            let generated = try #require(replaced.header("X-Request-ID"))
            #expect(generated != "has spaces{}")
            #expect(generated.count == 20)
        }
        #expect(log.all.contains { $0.contains("GET /hello 200 17") && $0.hasSuffix("abc-123") })
    }

    @Test("A streamed response reaches a slow reader whole while server-side buffering stays bounded")
    func streamedResponseHasBackpressure() throws {
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)
        let chunks = 256  // 4 MiB
        let maxBlockedWrite = MaxCell()
        let router = basicRouter()
        router.get("/export") { _, _ in
            HTTPResponse(
                body: .stream { writer in
                    for _ in 0..<chunks {
                        let start = Date()
                        try writer.write(chunk)
                        let waited = Int(Date().timeIntervalSince(start) * 1000)
                        maxBlockedWrite.record(waited)
                    }
                })
        }
        let change = ConfigurationChange.configured {
            $0.outboundHighWaterBytes = 64 * 1024
            // The follow-up request below reuses the connection. Keep-alive starts when the server has written
            // the last byte, but under a loaded machine this reader may need longer than the default 15 s to
            // read what the kernel still buffers (up to several MiB): the test is about backpressure, not that.
            $0.keepAliveTimeout = .seconds(300)
        }
        try withServer(router, change) { port in
            let client = try TestClient(port: port)
            client.setReceiveBuffer(16 * 1024)
            try client.send("GET /export HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse(maxRead: 16 * 1024, pause: 0.002)
            #expect(response.status == 200)
            #expect(response.header("Transfer-Encoding") == "chunked")
            #expect(response.body.count == chunk.count * chunks)
            // The writer had to wait for the slow reader at least once: it was held back, not buffered.
            #expect(maxBlockedWrite.current > 0)
            let after = try client.request("GET", "/healthz")
            #expect(after.text == "ok")
        }
    }

    @Test("A slow reader of a large response is not cut by the keep-alive timeout while the response drains")
    func keepAliveWaitsForTheResponseToDrain() throws {
        let router = Router()
        let body = [UInt8](repeating: UInt8(ascii: "k"), count: 8 << 20)
        router.get("/large") { _, _ in HTTPResponse(body: .bytes(body)) }
        try withServer(router, .configured { $0.keepAliveTimeout = .milliseconds(200) }) { port in
            let client = try TestClient(port: port)
            try client.send("GET /large HTTP/1.1\r\nHost: x\r\n\r\n")
            // 64 KiB per 5 ms at most: the server's output drains for longer than the keep-alive timeout, which
            // must only start once the response is out (a cut would leave the body short).
            let response = try client.readResponse(maxRead: 64 * 1024, pause: 0.005)
            #expect(response.body.count == body.count)
        }
    }
}
