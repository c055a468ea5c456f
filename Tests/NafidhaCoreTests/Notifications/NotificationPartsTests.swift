import Foundation
import NafidhaContract
import Testing

@testable import NafidhaCore

@Suite("Notification parts: URLs, cursors, retries, outcomes, masks")
struct NotificationPartsTests {
    @Test("a delivery URL is http or https with a host; other schemes, credentials and spaces are refused")
    func urls() throws {
        let url = try OutgoingURL("http://127.0.0.1:8099/sms/send?x=1")
        #expect(url.host == "127.0.0.1" && url.port == 8099 && url.target == "/sms/send?x=1" && !url.secure)
        #expect(try OutgoingURL("https://gw.example.ly").port == 443)
        #expect(try OutgoingURL("http://[::1]:81/h").hostHeader == "[::1]:81")
        for bad in [
            "ftp://x/y", "file:///etc/passwd", "javascript:alert(1)", "http://user:pw@x/", "http:///nohost",
            "http://x/a b", "http://x/#frag", "gopher://x",
        ] {
            #expect(throws: OutgoingURLError.self, "\(bad)") { try OutgoingURL(bad) }
        }
    }

    @Test("a feed cursor reads back only as the server wrote it")
    func cursors() {
        #expect(EventCursor(text: EventCursor(position: 4242).text) == EventCursor(position: 4242))
        for bad in [
            "", "ev1_", "ev1_G", "ev1_0x10", "ev1_0010", "4242", "ev2_10", "ev1_" + String(repeating: "f", count: 17),
        ] {
            #expect(EventCursor(text: bad) == nil, "\(bad)")
        }
    }

    @Test("retries back off exponentially with jitter, honour Retry-After, and stop at the retry window")
    func retries() {
        let policy = RetryPolicy()
        let now = Date(timeIntervalSince1970: 1_000_000)
        let later = now.addingTimeInterval(86_400)
        #expect(policy.nextAttempt(after: 1, at: now, giveUpAt: later, retryAfter: nil, random: 1) == now + 10)
        #expect(policy.nextAttempt(after: 1, at: now, giveUpAt: later, retryAfter: nil, random: 0) == now + 5)
        #expect(policy.nextAttempt(after: 4, at: now, giveUpAt: later, retryAfter: nil, random: 1) == now + 80)
        #expect(policy.nextAttempt(after: 30, at: now, giveUpAt: later, retryAfter: nil, random: 1) == now + 3600)
        #expect(policy.nextAttempt(after: 1, at: now, giveUpAt: later, retryAfter: 120, random: 1) == now + 120)
        #expect(policy.nextAttempt(after: 9, at: later - 60, giveUpAt: later, retryAfter: nil, random: 1) == later)
        #expect(policy.nextAttempt(after: 9, at: later, giveUpAt: later, retryAfter: nil, random: 1) == nil)
    }

    @Test("2xx is sent; 5xx, 408 and 429 (with Retry-After) retry; 3xx and other 4xx are refused for good")
    func outcomes() {
        func answer(_ status: Int, _ headers: [(name: String, value: String)] = []) -> DeliveryOutcome {
            .of(OutgoingResponse(status: status, headers: headers, body: Array("busy".utf8)))
        }
        #expect(answer(202) == .sent(statusCode: 202))
        #expect(answer(503) == .retry(statusCode: 503, error: "answered 503: busy", retryAfter: nil))
        #expect(
            answer(429, [("Retry-After", "30")]) == .retry(statusCode: 429, error: "answered 429: busy", retryAfter: 30)
        )
        #expect(answer(400) == .failed(statusCode: 400, error: "answered 400: busy"))
        guard case .failed(302, let error) = answer(302, [("Location", "https://elsewhere.example/x")]) else {
            Issue.record("a redirect is not a permanent failure")
            return
        }
        #expect(error.contains("not followed") && error.contains("elsewhere.example"))
        #expect(
            DeliveryOutcome.of(.malformedAnswer("garbled"))
                == .retry(statusCode: nil, error: "the answer is not HTTP/1.1: garbled", retryAfter: nil))
        #expect(
            DeliveryOutcome.of(.invalidHeader("X-Key"))
                == .failed(statusCode: nil, error: "the header X-Key holds a line break"))
    }

    @Test("Retry-After as an HTTP-date counts from now")
    func retryAfterDate() {
        let response = OutgoingResponse(
            status: 429, headers: [("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")], body: [])
        let now = Date(timeIntervalSince1970: 1_445_412_420)  // 07:27:00
        #expect(response.retryAfter(now: now) == 60)
    }

    @Test("listings mask phones and addresses")
    func masks() {
        #expect(RecipientMask.mask("+218912345678") == "+21891*****78")
        #expect(RecipientMask.mask("amal@example.ly") == "a***@example.ly")
    }
}
