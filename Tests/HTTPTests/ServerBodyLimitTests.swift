import Foundation
import HTTP
import Synchronization
import Testing

@Suite("Request-body deadline, rate and budget")
struct ServerBodyLimitTests {
    @Test("A body that keeps trickling in is cut at the whole-body deadline although it is never idle")
    func tricklingBodyIsCutAtBodyTimeout() throws {
        try withServer(
            basicRouter(),
            .configured {
                $0.bodyTimeout = .milliseconds(800)
                $0.minBodyBytesPerSecond = 0
            }
        ) { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
            let start = Date()
            var cut = false
            // One byte every 100 ms: far inside the 10 s idle timeout, never finishing the body.
            for _ in 0..<40 where !cut {
                Thread.sleep(forTimeInterval: 0.1)
                cut = (try? client.send("x")) == nil
            }
            #expect(client.readUntilClosed())
            let elapsed = Date().timeIntervalSince(start)
            #expect(elapsed >= 0.7)
            #expect(elapsed < 3)
        }
    }

    @Test("A body slower than the minimum average rate is cut once the grace period has passed")
    func slowBodyIsCutByRate() throws {
        try withServer(
            basicRouter(),
            .configured {
                $0.minBodyBytesPerSecond = 1000
                $0.bodyRateGracePeriod = .milliseconds(300)
            }
        ) { port in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n")
            let start = Date()
            // 10 bytes every 100 ms is 100 bytes per second: a tenth of the minimum.
            for _ in 0..<30 {
                Thread.sleep(forTimeInterval: 0.1)
                if (try? client.send(String(repeating: "x", count: 10))) == nil { break }
            }
            #expect(client.readUntilClosed())
            #expect(Date().timeIntervalSince(start) < 4)
        }
    }

    @Test("A body at a steady rate above the minimum is received whole")
    func steadyBodyIsReceived() throws {
        try withServer(
            basicRouter(),
            .configured {
                $0.minBodyBytesPerSecond = 100
                $0.bodyRateGracePeriod = .milliseconds(300)
            }
        ) { port in
            let client = try TestClient(port: port)
            // 100 bytes with the head, then 100 every 100 ms: 1,000 bytes per second, ten times the minimum, for
            // a second, so the rate is checked several times after the grace period. The first bytes travel with
            // the head so a loaded machine's scheduling delay cannot make the body look idle at the first check.
            let chunk = String(repeating: "y", count: 100)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n\(chunk)")
            for _ in 0..<9 {
                Thread.sleep(forTimeInterval: 0.1)
                try client.send(chunk)
            }
            #expect(try client.readResponse().body.count == 1000)
        }
    }

    @Test("A declared length beyond the remaining budget is 503 overloaded with Retry-After before the body is read")
    func declaredLengthBeyondBudgetIs503() throws {
        try withServer(basicRouter(), .configured { $0.maxBufferedBodyBytes = 100_000 }) { port in
            let holder = try TestClient(port: port)
            try holder.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 80000\r\n\r\nabc")
            // The first head is parsed before the second arrives: wait until its reservation surely exists.
            Thread.sleep(forTimeInterval: 0.2)
            let refused = try TestClient(port: port)
            try refused.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 30000\r\n\r\n")
            let response = try refused.readResponse()
            #expect(response.status == 503)
            #expect(response.header("Retry-After") == "1")
            #expect(response.header("Connection") == "close")
            #expect(response.text.contains(#""code":"overloaded""#))
        }
    }

    @Test("Expect: 100-continue gets 503 instead of 100 Continue when the budget cannot hold the body")
    func expectContinueBeyondBudgetIs503() throws {
        try withServer(basicRouter(), .configured { $0.maxBufferedBodyBytes = 1 << 20 }) { port in
            let holder = try TestClient(port: port)
            try holder.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: \(1 << 20)\r\n\r\n")
            #expect(try holder.readResponse().status == 100)
            let refused = try TestClient(port: port)
            try refused.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n")
            #expect(try refused.readResponse().status == 503)
        }
    }

    @Test("A chunked body that grows past the budget is 503 overloaded")
    func chunkedBodyBeyondBudgetIs503() throws {
        try withServer(basicRouter(), .configured { $0.maxBufferedBodyBytes = 10_000 }) { port in
            let client = try TestClient(port: port)
            let chunk = String(repeating: "z", count: 6000)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1770\r\n\(chunk)\r\n")
            Thread.sleep(forTimeInterval: 0.1)
            try? client.send("1770\r\n\(chunk)\r\n0\r\n\r\n")
            #expect(try client.readResponse().status == 503)
        }
    }

    @Test("The budget is given back once a request is answered")
    func budgetIsReleasedAfterAnswer() throws {
        try withServer(basicRouter(), .configured { $0.maxBufferedBodyBytes = 10_000 }) { port in
            let client = try TestClient(port: port)
            let body = String(repeating: "b", count: 8000)
            #expect(try client.request("POST", "/echo", body: body).status == 200)
            #expect(try client.request("POST", "/echo", body: body).status == 200)
        }
    }

    @Test("Many slow-body connections: the budget refuses the excess with 503 and the rest are cut on time")
    func slowBodyAttackIsBounded() throws {
        let declared = 64 * 1024
        try withServer(
            basicRouter(),
            .configured {
                $0.maxBufferedBodyBytes = 16 * declared
                $0.bodyTimeout = .seconds(3)
            }
        ) { port in
            let start = Date()
            var clients: [TestClient] = []
            for _ in 0..<40 {
                let client = try TestClient(port: port, timeoutSeconds: 10)
                try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \(declared)\r\n\r\n")
                clients.append(client)
            }
            // Refusals are immediate; an admitted connection hears nothing until its deadline.
            Thread.sleep(forTimeInterval: 1)
            var admitted: [TestClient] = []
            var refused = 0
            for client in clients {
                if client.waitForData(seconds: 0) {
                    if try client.readResponse().status == 503 { refused += 1 }
                } else {
                    // All but the last byte, then nothing: never idle long enough for the 10 s idle timeout.
                    try client.send([UInt8](repeating: 0x61, count: declared - 1))
                    admitted.append(client)
                }
            }
            #expect(refused == 24)
            #expect(admitted.count == 16)
            for client in admitted {
                #expect(client.readUntilClosed())
            }
            let elapsed = Date().timeIntervalSince(start)
            #expect(elapsed >= 2.5)
            #expect(elapsed < 8)
            // Their reservations are back: a full-size body fits again.
            let after = try TestClient(port: port)
            #expect(try after.request("POST", "/echo", body: String(repeating: "c", count: declared)).status == 200)
        }
    }
}
