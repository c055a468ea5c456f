import HTTP
import NafidhaContract
import NafidhaCore
import Synchronization
import Testing

@testable import NafidhaAPI

@Suite("Failed-authentication throttle")
struct FailedAuthThrottleTests {
    /// A clock the test moves.
    final class Clock: Sendable {
        let now = Mutex<UInt64>(1_000)
        func advance(_ seconds: UInt64) { now.withLock { $0 += seconds } }
        var read: @Sendable () -> UInt64 { { [self] in now.withLock { $0 } } }
    }

    private static func request() throws -> HTTPRequest {
        var parser = HTTPParser()
        parser.feed(Array("GET /v1/staff/me HTTP/1.1\r\nHost: test\r\n\r\n".utf8))
        guard case .head(let head) = try parser.next() else { throw NafidhaError(.badRequest) }
        return HTTPRequest(head: head)
    }

    /// One failed (or successful) attempt from `address`; the thrown error's code, or nil on success.
    private static func attempt(
        _ throttle: FailedAuthThrottle, from address: String, fails: Bool = true, presented: Bool = true
    ) throws -> String? {
        let context = RequestContext(requestID: "t", remoteAddress: address)
        do {
            try throttle.attempt(try request(), context, presented: presented, failure: .invalidToken) {
                if fails { throw NafidhaError(.invalidToken) }
            }
            return nil
        } catch let error as NafidhaError {
            return error.code.rawValue
        } catch let error as HTTPError {
            #expect(error.headers.first(name: "Retry-After") != nil)
            return "429"
        }
    }

    private static func settings(failures: Int, window: Int = 60, clients: Int = 100) -> FailedAuthThrottle.Settings {
        var settings = FailedAuthThrottle.Settings()
        settings.maximumFailures = failures
        settings.windowSeconds = window
        settings.maximumClients = clients
        return settings
    }

    @Test("the limit's failures pass, the next attempt is 429 until the window ends, then the client may try again")
    func windowEnds() throws {
        let clock = Clock()
        let throttle = FailedAuthThrottle(.staff, settings: Self.settings(failures: 2), clock: clock.read)
        #expect(try Self.attempt(throttle, from: "10.0.0.1") == "invalid_token")
        #expect(try Self.attempt(throttle, from: "10.0.0.1") == "invalid_token")
        #expect(try Self.attempt(throttle, from: "10.0.0.1", fails: false) == "429")
        #expect(throttle.blockedFor("10.0.0.1") == 20)  // 1,000 s is 40 s into its 60 s window
        #expect(try Self.attempt(throttle, from: "10.0.0.2", fails: false) == nil)
        clock.advance(20)
        #expect(try Self.attempt(throttle, from: "10.0.0.1", fails: false) == nil)
    }

    @Test("attempts without credentials and successes are not counted")
    func onlyFailedGuessesCount() throws {
        let throttle = FailedAuthThrottle(.citizen, settings: Self.settings(failures: 1), clock: Clock().read)
        for _ in 0..<5 {
            #expect(try Self.attempt(throttle, from: "10.0.0.1", presented: false) == "invalid_token")
            #expect(try Self.attempt(throttle, from: "10.0.0.1", fails: false) == nil)
        }
        #expect(throttle.blockedFor("10.0.0.1") == nil)
    }

    @Test("the table is bounded: clients beyond its size share one count")
    func boundedTable() throws {
        let throttle = FailedAuthThrottle(.staff, settings: Self.settings(failures: 3, clients: 2), clock: Clock().read)
        _ = try Self.attempt(throttle, from: "10.0.0.1")
        _ = try Self.attempt(throttle, from: "10.0.0.2")
        for index in 3..<6 { _ = try Self.attempt(throttle, from: "10.0.0.\(index)") }
        #expect(try Self.attempt(throttle, from: "10.0.0.200", fails: false) == "429")
        #expect(try Self.attempt(throttle, from: "10.0.0.1", fails: false) == nil)
    }

    @Test("a client is its IPv4 address (also IPv4-mapped) or its IPv6 /64")
    func clientKeys() {
        #expect(FailedAuthThrottle.client("192.0.2.7") == "192.0.2.7")
        #expect(FailedAuthThrottle.client("::ffff:192.0.2.7") == "192.0.2.7")
        #expect(FailedAuthThrottle.client("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64")
        #expect(FailedAuthThrottle.client("2001:db8:1:2::9") == FailedAuthThrottle.client("2001:0db8:0001:0002::5"))
    }
}
