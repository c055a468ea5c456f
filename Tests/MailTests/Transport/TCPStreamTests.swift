import Testing
import Transport

@Suite("TCP streams")
struct TCPStreamTests {
    @Test("A read with nothing to read times out at its deadline")
    func readTimesOut() throws {
        let listener = SilentListener()
        let stream = try TCPStream.connect(host: "127.0.0.1", port: listener.port, timeout: .seconds(10))
        defer { stream.close(deadline: .now) }
        let start = ContinuousClock.now
        let error = #expect(throws: TransportError.self) {
            try stream.read(maximumCount: 16, deadline: .now + .milliseconds(200))
        }
        #expect(error?.isTimeout == true)
        #expect(ContinuousClock.now - start >= .milliseconds(200))
    }

    @Test("localhost falls back from an address that refuses to one that listens")
    func triesEveryAddress() throws {
        // The listener is on 127.0.0.1 only; localhost may resolve to ::1 first, which refuses.
        let listener = SilentListener()
        let stream = try TCPStream.connect(host: "localhost", port: listener.port, timeout: .seconds(10))
        stream.close(deadline: .now)
        #expect(throws: TransportError.self) { try stream.read(maximumCount: 1, deadline: .now + .seconds(1)) }
    }

    @Test("A port outside 1...65535 is refused before anything is tried")
    func portOutOfRange() {
        #expect(throws: TransportError.self) { try TCPStream.connect(host: "127.0.0.1", port: 0, timeout: .seconds(1)) }
    }
}
