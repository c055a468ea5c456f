import Foundation
import HTTP
import NafidhaContract
import NafidhaCore
import Synchronization

/// Counts the failed authentications of each client (docs/api.md, "Throttling") and refuses a client that failed
/// too often: one table for citizens' access tokens (the tracking routes), one for staff tokens.
///
/// A client is its peer address (an IPv6 client by its /64, which one host commonly owns whole). Counts live in
/// fixed windows of `windowSeconds`: a client that reaches `maximumFailures` in a window is answered 429
/// `too_many_attempts` with `Retry-After` (the seconds left in the window) on every route of the table's kind, before
/// anything else is done, until the window ends; one log line says so, without the token or the tracking number.
/// Memory is bounded: past `maximumClients` addresses in one window, the others share one count.
///
/// Successful and failed attempts do the same work here (one look-up in an in-memory table, before and after), so
/// the throttle adds no difference between the answers a guesser compares, which stay identical 404s.
public final class FailedAuthThrottle: Sendable {
    /// The limits of one table.
    public struct Settings: Sendable, Equatable {
        /// Failures allowed to one client in one window (default 20).
        public var maximumFailures = 20
        /// The window, in seconds (default 60).
        public var windowSeconds = 60
        /// Clients counted apart in one window (default 10,000); the rest share one count.
        public var maximumClients = 10_000

        /// The defaults above.
        public init() {}
    }

    /// Which credentials a table counts, as its log line names them.
    enum Kind: String, Sendable {
        case citizen = "citizen access tokens"
        case staff = "staff tokens"
    }

    private struct Window {
        var number: UInt64 = 0
        var failures: [String: Int] = [:]
    }

    /// The count shared by clients beyond `maximumClients`.
    static let overflowKey = "(other clients)"

    let settings: Settings
    let kind: Kind
    private let window = Mutex(Window())
    /// Seconds on a monotonic clock; tests pass their own.
    private let clock: @Sendable () -> UInt64

    init(
        _ kind: Kind, settings: Settings, clock: @escaping @Sendable () -> UInt64 = FailedAuthThrottle.monotonicSeconds
    ) {
        self.kind = kind
        self.settings = settings
        self.clock = clock
    }

    /// Runs one authentication by the client of `context` (`attempt`), unless that client already failed too often.
    /// A `NafidhaError` of code `failure` counts as a failure when credentials were `presented` (a request without
    /// any is no guess).
    /// - Throws: 429 `too_many_attempts` with `Retry-After` before `attempt` runs; else what `attempt` throws.
    func attempt<T>(
        _ request: HTTPRequest, _ context: some RequestContextProtocol, presented: Bool, failure: ErrorCode,
        _ attempt: () throws -> T
    ) throws -> T {
        let client = Self.client(context.clientAddress)
        if let retryAfter = blockedFor(client) {
            var refusal = HTTPError(NafidhaError(.tooManyAttempts), language: request.language)
            refusal.headers.add(name: "Retry-After", value: String(retryAfter))
            throw refusal
        }
        do {
            let value = try attempt()
            record(client, failed: false, context: context)
            return value
        } catch {
            record(client, failed: presented && (error as? NafidhaError)?.code == failure, context: context)
            throw error
        }
    }

    /// The seconds left in the window when `client` has reached the limit in it; nil when it may try.
    func blockedFor(_ client: String) -> Int? {
        let now = clock()
        let number = now / UInt64(settings.windowSeconds)
        return window.withLock { window -> Int? in
            guard window.number == number else { return nil }
            let key =
                window.failures[client] == nil && window.failures.count >= settings.maximumClients
                ? Self.overflowKey : client
            guard let failures = window.failures[key], failures >= settings.maximumFailures else { return nil }
            return Int((number + 1) * UInt64(settings.windowSeconds) - now)
        }
    }

    /// Records one attempt's outcome; the failure that reaches the limit is logged.
    private func record(_ client: String, failed: Bool, context: some RequestContextProtocol) {
        let number = clock() / UInt64(settings.windowSeconds)
        let reached = window.withLock { window -> Bool in
            if window.number != number { window = Window(number: number) }
            let known = window.failures[client] != nil
            guard failed else { return false }
            let key = known || window.failures.count < settings.maximumClients ? client : Self.overflowKey
            let failures = window.failures[key, default: 0] + 1
            window.failures[key] = failures
            return failures == settings.maximumFailures
        }
        if reached {
            context.core.log(
                "auth throttle: client \(client) failed \(settings.maximumFailures) authentications with "
                    + "\(kind.rawValue) within \(settings.windowSeconds) s; answering 429 until the window ends")
        }
    }

    /// The key a peer address is counted under: an IPv4 address itself (also when IPv4-mapped), an IPv6 address
    /// by its /64 prefix.
    static func client(_ address: String) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard address.contains(":"), inet_pton(AF_INET6, address, &bytes) == 1 else { return address }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map {
            String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::/64"
    }

    /// Whole seconds of the monotonic clock.
    static func monotonicSeconds() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds / 1_000_000_000
    }
}
