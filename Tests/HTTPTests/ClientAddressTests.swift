import HTTP
import Testing

/// `X-Forwarded-For` is believed only from trusted proxies, read from its right end (RFC 7239 §5.2's list).
@Suite("Client address through trusted proxies")
struct ClientAddressTests {
    /// Answers the client address the server worked out.
    private func clientAddress(trusting proxies: [String], forwardedFor: [String]) throws -> String {
        let router = Router()
        router.get("/whoami") { _, context in .text(context.clientAddress) }
        var answer = ""
        try withServer(
            router,
            .configured { $0.trustedProxies = proxies.compactMap(IPNetwork.init) }
        ) { port in
            let client = try TestClient(port: port)
            answer = try client.request("GET", "/whoami", headers: forwardedFor.map { "X-Forwarded-For: \($0)" }).text
        }
        return answer
    }

    @Test("without trusted proxies the peer is the client, whatever X-Forwarded-For says")
    func noTrustedProxiesMeansThePeer() throws {
        #expect(try clientAddress(trusting: [], forwardedFor: ["203.0.113.9"]) == "127.0.0.1")
    }

    @Test("a spoofed X-Forwarded-For from an untrusted peer is ignored")
    func untrustedPeerIsNotBelieved() throws {
        #expect(try clientAddress(trusting: ["10.0.0.0/8"], forwardedFor: ["203.0.113.9"]) == "127.0.0.1")
    }

    @Test("behind a trusted proxy the rightmost untrusted address is the client, not what the client wrote first")
    func rightmostUntrustedAddressIsTheClient() throws {
        // The client wrote 6.6.6.6 itself; the proxy at 127.0.0.1 appended the address it saw, 198.51.100.7.
        #expect(
            try clientAddress(trusting: ["127.0.0.1/32"], forwardedFor: ["6.6.6.6, 198.51.100.7"]) == "198.51.100.7")
        // Two proxies, both trusted, the list over two header lines.
        #expect(
            try clientAddress(trusting: ["127.0.0.1", "10.0.0.0/8"], forwardedFor: ["198.51.100.7", "10.1.2.3"])
                == "198.51.100.7")
    }

    @Test("an entry that is not an address stops the walk at the last trusted hop")
    func garbageStopsAtTheLastTrustedHop() throws {
        #expect(
            try clientAddress(trusting: ["127.0.0.1", "10.0.0.0/8"], forwardedFor: ["<script>, 10.1.2.3"])
                == "10.1.2.3")
        #expect(try clientAddress(trusting: ["127.0.0.1"], forwardedFor: ["not-an-ip"]) == "127.0.0.1")
    }

    @Test("networks parse in CIDR notation, IPv4 matching its IPv4-mapped IPv6 form")
    func networksParse() throws {
        let network = try #require(IPNetwork("10.0.0.0/8"))
        #expect(network.contains("10.255.1.2"))
        #expect(network.contains("::ffff:10.1.2.3"))
        #expect(!network.contains("11.0.0.1"))
        #expect(try #require(IPNetwork("::1")).contains("::1"))
        #expect(try #require(IPNetwork("fd00::/8")).contains("fd12::1"))
        for bad in ["10.0.0.0/33", "10.0.0.0/", "example.org", "::1/129", "1.2.3.4/x", ""] {
            #expect(IPNetwork(bad) == nil, "\(bad)")
        }
    }
}
