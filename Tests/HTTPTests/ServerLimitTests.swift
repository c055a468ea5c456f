import Foundation
import HTTP
import Testing

@Suite("Server limits")
struct ServerLimitTests {
    private func expectJSONError(_ response: TestClient.Response, status: Int) {
        #expect(response.status == status)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("Connection") == "close")
        #expect(response.text.hasPrefix(#"{"error":{"code":""#))
    }

    @Test("A header block over the limit is answered 431 and the connection closed")
    func oversizedHeaderBlockGets431() throws {
        try withServer(basicRouter(), .configured { $0.maxHeaderBytes = 1024 }) { port in
            let client = try TestClient(port: port)
            try client.send(
                "GET /hello HTTP/1.1\r\nHost: x\r\nX-Filler: \(String(repeating: "a", count: 2048))\r\n\r\n")
            expectJSONError(try client.readResponse(), status: 431)
            #expect(client.readUntilClosed())
        }
    }

    @Test("A request-target over the limit is answered 414")
    func oversizedTargetGets414() throws {
        try withServer(basicRouter(), .configured { $0.maxTargetBytes = 256 }) { port in
            let client = try TestClient(port: port)
            try client.send("GET /\(String(repeating: "a", count: 512)) HTTP/1.1\r\nHost: x\r\n\r\n")
            expectJSONError(try client.readResponse(), status: 414)
            #expect(client.readUntilClosed())
        }
    }

    @Test("A body over the limit is answered 413 with payload_too_large-style JSON")
    func oversizedBodyGets413() throws {
        try withServer(basicRouter(), .configured { $0.maxBodyBytes = 16 }) { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n12345678901234567")
            expectJSONError(try client.readResponse(), status: 413)
            #expect(client.readUntilClosed())
        }
    }

    @Test("A smuggling attempt (Content-Length with Transfer-Encoding) gets 400, a close, and others are still served")
    func smugglingAttemptGets400AndServerKeepsServing() throws {
        try withServer(basicRouter()) { port in
            let attacker = try TestClient(port: port)
            try attacker.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
            )
            expectJSONError(try attacker.readResponse(), status: 400)
            #expect(attacker.readUntilClosed())
            let bystander = try TestClient(port: port)
            #expect(try bystander.request("GET", "/hello").status == 200)
        }
    }

    @Test("A client trickling its header block is closed at the header deadline")
    func slowHeaderClientIsClosedAtDeadline() throws {
        try withServer(basicRouter(), .configured { $0.headerTimeout = .seconds(1) }) { port in
            let client = try TestClient(port: port)
            let start = Date()
            var closed = false
            for byte in "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8 {
                do {
                    try client.send([byte])
                } catch {
                    closed = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.1)
                if Date().timeIntervalSince(start) > 1.5 { break }
            }
            closed = client.readUntilClosed() || closed
            let elapsed = Date().timeIntervalSince(start)
            #expect(closed)
            #expect(elapsed >= 0.9 && elapsed < 3)
        }
    }

    @Test("When the worker queue is full the answer is 503 overloaded with Retry-After")
    func fullWorkerQueueGets503() throws {
        let release = Gate(value: 0)
        let entered = Gate(value: 0)
        let router = basicRouter()
        router.get("/block") { _, _ in
            entered.signal()
            release.wait()
            return .text("done")
        }
        try withServer(
            router,
            .configured {
                $0.workerCount = 1
                $0.workerQueueLength = 1
                $0.retryAfterSeconds = 2
            }
        ) { port in
            let first = try TestClient(port: port)
            try first.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n")
            entered.wait()
            let second = try TestClient(port: port)
            try second.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n")
            Thread.sleep(forTimeInterval: 0.1)
            let third = try TestClient(port: port)
            let rejected = try third.request("GET", "/hello")
            #expect(rejected.status == 503)
            #expect(rejected.header("Retry-After") == "2")
            #expect(rejected.text.contains(#""code":"overloaded""#))
            release.signal()
            release.signal()
            #expect(try first.readResponse().text == "done")
            #expect(try second.readResponse().text == "done")
        }
    }

    @Test("Accepting pauses at the connection limit and resumes when a connection closes")
    func acceptPausesAtMaxConnections() throws {
        try withServer(
            basicRouter(),
            .configured {
                $0.maxConnections = 2
                $0.eventLoopCount = 1
            }
        ) { port in
            var first: TestClient? = try TestClient(port: port)
            let second = try TestClient(port: port)
            #expect(try first?.request("GET", "/healthz").status == 200)
            #expect(try second.request("GET", "/healthz").status == 200)
            // The kernel completes the handshake from the backlog, but the server does not accept it yet.
            let third = try TestClient(port: port, timeoutSeconds: 1)
            try third.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(throws: TestClient.Failure.self) { try third.readResponse() }
            first = nil
            // Once a slot is free the waiting connection is accepted and its request answered (a loaded machine
            // may take more than the one second the refusal above waited).
            third.setReceiveTimeout(seconds: 15)
            #expect(try third.readResponse().status == 200)
        }
    }
}
