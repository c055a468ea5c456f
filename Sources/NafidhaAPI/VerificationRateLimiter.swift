import Foundation
import Synchronization

/// Token buckets per client address for the public verification routes (docs/verification.md, "Rate limits"):
/// each address holds up to `VerificationLimits.burst` verifications and regains `perMinute` a minute. The table of
/// addresses is bounded: when full, addresses whose bucket has refilled (idle ones) are dropped, else the one seen
/// longest ago.
final class VerificationRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let settings: VerificationLimits
    private let clock: @Sendable () -> ContinuousClock.Instant
    private let buckets = Mutex<[String: Bucket]>([:])

    /// A limiter with `settings`; `clock` tells the time (tests pass one they move).
    init(
        settings: VerificationLimits = VerificationLimits(),
        clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.settings = settings
        self.clock = clock
    }

    /// Takes one verification for `client`: nil when allowed, else how long until one is (for `Retry-After`).
    func take(client: String) -> Duration? {
        let now = clock()
        let rate = Double(settings.perMinute) / 60
        let capacity = Double(settings.burst)
        return buckets.withLock { table in
            var bucket = table[client] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + max(0, seconds) * rate)
            bucket.updated = now
            if table[client] == nil && table.count >= settings.maximumClients {
                Self.evict(from: &table, capacity: capacity, rate: rate, now: now)
            }
            guard bucket.tokens >= 1 else {
                table[client] = bucket
                return .seconds((1 - bucket.tokens) / rate)
            }
            bucket.tokens -= 1
            table[client] = bucket
            return nil
        }
    }

    /// Makes room: every address whose bucket would be full by now goes; if none, the one seen longest ago.
    private static func evict(
        from table: inout [String: Bucket], capacity: Double, rate: Double, now: ContinuousClock.Instant
    ) {
        let idle = table.filter { entry in
            let elapsed = now - entry.value.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return entry.value.tokens + seconds * rate >= capacity
        }
        if !idle.isEmpty {
            for key in idle.keys { table.removeValue(forKey: key) }
        } else if let oldest = table.min(by: { $0.value.updated < $1.value.updated }) {
            table.removeValue(forKey: oldest.key)
        }
    }
}
