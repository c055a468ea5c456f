import Foundation
import Transparency

/// The `X-Nafidha-Signature` header of a payment provider's callback: `t=<unix seconds>,v1=<hex HMAC-SHA256>`, the
/// MAC of `t + "." + body` under the provider's secret (its text as printed once, `nafidha admin
/// create-payment-provider`), checked in constant time; `t` must be within `tolerance` of the server's clock, so a
/// callback captured and replayed later is refused (docs/payments.md).
public enum CallbackSignature {
    /// How far `t` may be from now, either way: 5 minutes.
    public static let tolerance: TimeInterval = 300

    /// The header's value for `body` sent at `timestamp` under `secret` (providers' side; tests and docs use it).
    public static func header(body: [UInt8], secret: String, timestamp: Date) -> String {
        let seconds = String(Int64(timestamp.timeIntervalSince1970.rounded(.down)))
        return "t=\(seconds),v1=" + Hex.encode(mac(seconds: seconds, body: body, secret: secret))
    }

    /// Whether `header` signs `body` under `secret` at a time within `tolerance` of `now`.
    public static func isValid(_ header: String?, body: [UInt8], secret: String, now: Date) -> Bool {
        guard let header, header.utf8.count <= 512 else { return false }
        var seconds: String?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return false }
            switch pair[0] {
            case "t": seconds = String(pair[1])
            case "v1": if let bytes = Hex.decode(String(pair[1])), bytes.count == 32 { signatures.append(bytes) }
            default: continue  // other schemes are ignored, so a provider may add one while moving to it
            }
        }
        guard let seconds, seconds.count <= 12, seconds.allSatisfy({ $0.isASCII && $0.isNumber }),
            let unix = Int64(seconds), abs(Double(unix) - now.timeIntervalSince1970) <= tolerance
        else { return false }
        let expected = mac(seconds: seconds, body: body, secret: secret)
        return signatures.contains { RequestTracking.constantTimeEqual($0, expected) }
    }

    private static func mac(seconds: String, body: [UInt8], secret: String) -> [UInt8] {
        HMACSHA256.mac(key: Array(secret.utf8), message: Array((seconds + ".").utf8) + body)
    }
}
