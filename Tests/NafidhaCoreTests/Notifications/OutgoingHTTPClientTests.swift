import Foundation
import NafidhaCore
import Synchronization
import TestSupport
import Testing
import Transport

/// The delivery client's keep-alive: connections to one origin are reused while answers allow it, dropped when
/// they do not, and a connection the server closed while idle is replaced without the delivery failing.
@Suite("Outgoing HTTP client connections")
struct OutgoingHTTPClientTests {
    /// The network, counting the connections made.
    final class CountingConnector: StreamConnector {
        private let network = NetworkConnector()
        private let count = Mutex(0)

        var connections: Int { count.withLock { $0 } }

        func connect(host: String, port: Int, tls: Bool, deadline: ContinuousClock.Instant) throws(TransportError)
            -> any ByteStream
        {
            count.withLock { $0 += 1 }
            return try network.connect(host: host, port: port, tls: tls, deadline: deadline)
        }
    }

    private static func post(_ client: OutgoingHTTPClient, _ url: String, _ text: String) throws -> Int {
        try client.post(OutgoingURL(url), headers: [("Content-Type", "application/json")], body: Array(text.utf8))
            .status
    }

    @Test("deliveries to one gateway, one after another, share one connection")
    func reuse() throws {
        let gateway = try HTTPReceiver(answer: { _, _ in .init(202) })
        defer { gateway.shutdown() }
        let connector = CountingConnector()
        let client = OutgoingHTTPClient(connector: connector)
        for index in 0..<5 {
            #expect(try Self.post(client, gateway.url("/sms"), "{\"n\":\(index)}") == 202)
        }
        #expect(gateway.requests.map(\.text) == (0..<5).map { "{\"n\":\($0)}" })
        #expect(connector.connections == 1)
        client.closeIdleConnections()
    }

    @Test("a connection the gateway closed while idle is replaced, and the delivery is received once")
    func staleConnection() throws {
        let connector = CountingConnector()
        let client = OutgoingHTTPClient(connector: connector)
        let first = try HTTPReceiver()
        let port = first.port
        #expect(try Self.post(client, first.url("/sms"), "first") == 200)
        first.shutdown()
        let second = try HTTPReceiver(port: port)
        defer { second.shutdown() }
        #expect(try Self.post(client, second.url("/sms"), "second") == 200)
        #expect(second.requests.map(\.text) == ["second"])
        #expect(connector.connections == 2)
    }

    @Test("an idle connection older than the idle timeout is not reused; none is kept when the pool holds none")
    func idleLimits() throws {
        let gateway = try HTTPReceiver()
        defer { gateway.shutdown() }
        var settings = OutgoingHTTPClient.Settings()
        settings.idleTimeout = .milliseconds(100)
        let connector = CountingConnector()
        let client = OutgoingHTTPClient(settings: settings, connector: connector)
        #expect(try Self.post(client, gateway.url(), "a") == 200)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try Self.post(client, gateway.url(), "b") == 200)
        #expect(connector.connections == 2)

        settings.maximumIdleConnections = 0
        let unpooled = CountingConnector()
        let closing = OutgoingHTTPClient(settings: settings, connector: unpooled)
        for _ in 0..<3 { #expect(try Self.post(closing, gateway.url(), "c") == 200) }
        #expect(unpooled.connections == 3)
    }

    @Test(
        "answers that end the exchange with the connection are not reused: Connection: close, no framing, HTTP/1.0",
        arguments: [
            ("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", false),
            ("HTTP/1.1 202 Accepted\r\n\r\n{}", false),
            ("HTTP/1.0 202 Accepted\r\nContent-Length: 2\r\n\r\n{}", true),
        ])
    func notReused(answer: String, serverKeepsConnection: Bool) throws {
        let peer = try ScriptedHTTPPeer(answer: answer, keepAlive: serverKeepsConnection)
        let connector = CountingConnector()
        let client = OutgoingHTTPClient(connector: connector)
        for _ in 0..<3 { #expect(try Self.post(client, peer.url, "{}") == 202) }
        #expect(connector.connections == 3)
        #expect(try peer.connections() == 3)
    }

    @Test("a chunked answer read to its last chunk and trailers leaves the connection reusable")
    func chunkedReuse() throws {
        let peer = try ScriptedHTTPPeer(
            answer: "HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-Trace: 1\r\n\r\n",
            keepAlive: true)
        let connector = CountingConnector()
        let client = OutgoingHTTPClient(connector: connector)
        for _ in 0..<3 { #expect(try Self.post(client, peer.url, "{}") == 202) }
        #expect(connector.connections == 1)
        #expect(try peer.connections() == 1)
        client.closeIdleConnections()
    }
}
