import Foundation
import HTTP
import Synchronization
import Testing

@Suite("Streaming request bodies (routes registered with streamingBodyLimit)")
struct ServerStreamingBodyTests {
    /// `/upload` counts and checksums the body it reads as it arrives (limit 4 MiB); `/echo` keeps the 1 MiB
    /// buffered limit; `/refuse` answers after the first piece.
    static func router() -> Router {
        let router = basicRouter()
        router.add(method: "POST", path: "/upload", streamingBodyLimit: 4 << 20) { request, _ in
            guard let reader = request.bodyReader else { return .text("no reader", status: 500) }
            var count = 0
            var sum = 0
            while let bytes = try reader.read() {
                count += bytes.count
                for byte in bytes { sum = (sum &+ Int(byte)) % 65521 }
            }
            return .json(#"{"bytes":\#(count),"sum":\#(sum),"buffered":\#(request.body.count)}"#, status: .created)
        }
        router.add(method: "POST", path: "/refuse", streamingBodyLimit: 4 << 20) { request, _ in
            // Answers after the first piece without reading the rest.
            _ = try request.bodyReader?.read()
            throw HTTPError(415, code: "unsupported_media_type", message: "no")
        }
        return router
    }

    @Test("A body larger than the buffered limit reaches a streaming route whole, in pieces")
    func largeBodyIsStreamed() throws {
        try withServer(Self.router()) { port in
            let client = try TestClient(port: port)
            let body = [UInt8]((0..<(3 << 20)).map { UInt8($0 % 251) })
            var sum = 0
            for byte in body { sum = (sum + Int(byte)) % 65521 }
            try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n")
            try client.send(body)
            let response = try client.readResponse()
            #expect(response.status == 201)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"bytes":3145728,"sum":\#(sum),"buffered":0}"#)
            // The connection stays usable, and other routes keep the buffered limit.
            let echo = try client.request("POST", "/echo", body: "abc")
            #expect(echo.body == Array("abc".utf8))
        }
    }

    @Test("A chunked body is streamed, and a Content-Length above the route's limit is 413 before the body")
    func chunkedAndDeclaredLimits() throws {
        try withServer(Self.router()) { port in
            let client = try TestClient(port: port)
            try client.send(
                "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
            )
            let response = try client.readResponse()
            #expect(response.status == 201)
            #expect(String(decoding: response.body, as: UTF8.self).hasPrefix(#"{"bytes":11,"#))

            let other = try TestClient(port: port)
            try other.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: \((4 << 20) + 1)\r\n\r\n")
            #expect(try other.readResponse().status == 413)
            // A buffered route keeps its 1 MiB.
            let third = try TestClient(port: port)
            try third.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \((1 << 20) + 1)\r\n\r\n")
            #expect(try third.readResponse().status == 413)
        }
    }

    @Test("A chunked body passing the route's limit fails the reader with 413 body_too_large")
    func chunkedBodyOverLimitIs413() throws {
        try withServer(Self.router()) { port in
            let client = try TestClient(port: port)
            try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            let piece = [UInt8](repeating: 7, count: 1 << 20)
            var refused = false
            for _ in 0..<6 where !refused {
                refused = (try? client.send(Array("100000\r\n".utf8) + piece + Array("\r\n".utf8))) == nil
            }
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(String(decoding: response.body, as: UTF8.self).contains("body_too_large"))
        }
    }

    @Test("A handler that answers before the body ends gets its answer out, and the connection closes")
    func earlyAnswerClosesConnection() throws {
        try withServer(Self.router()) { port in
            let client = try TestClient(port: port)
            try client.send("POST /refuse HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")
            try client.send([UInt8](repeating: 1, count: 1000))
            let response = try client.readResponse()
            #expect(response.status == 415)
            #expect(response.header("Connection") == "close")
            #expect(client.readUntilClosed())
        }
    }

    @Test("A client that closes in the middle of the body makes the reader throw; nothing is answered")
    func truncatedBodyFailsReader() throws {
        let outcome = Mutex<String?>(nil)
        let done = Gate(value: 0)
        let router = Router()
        router.add(method: "POST", path: "/upload", streamingBodyLimit: 1 << 20) { request, _ in
            do {
                while try request.bodyReader?.read() != nil {}
                outcome.withLock { $0 = "complete" }
            } catch let error as HTTPError {
                outcome.withLock { $0 = error.code }
            }
            done.signal()
            return .text("ok")
        }
        try withServer(router) { port in
            let client = try TestClient(port: port)
            try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n")
            try client.send([UInt8](repeating: 1, count: 100))
            _ = Glibc.shutdown(client.fd, Int32(SHUT_RDWR))
            #expect(done.wait(timeout: .now() + 5) == .success)
            #expect(outcome.withLock { $0 } == "incomplete_body")
        }
    }

    @Test("A handler that reads slowly holds the client back without the rate check cutting it")
    func backpressurePausesDeadlines() throws {
        let router = Router()
        router.add(method: "POST", path: "/slow", streamingBodyLimit: 8 << 20) { request, _ in
            var count = 0
            while let bytes = try request.bodyReader?.read() {
                count += bytes.count
                // About 1.5 s in all for 2 MiB read in pieces of at most 64 KiB.
                Thread.sleep(forTimeInterval: 0.04)
            }
            return .text(String(count))
        }
        try withServer(
            router,
            .configured {
                $0.streamingBodyBufferBytes = 64 * 1024
                $0.bodyIdleTimeout = .milliseconds(500)
                $0.minBodyBytesPerSecond = 4 << 20
                $0.bodyRateGracePeriod = .milliseconds(300)
            }
        ) { port in
            let client = try TestClient(port: port)
            let body = [UInt8](repeating: 9, count: 2 << 20)
            try client.send("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n")
            try client.send(body)
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.body == Array(String(2 << 20).utf8))
        }
    }
}
