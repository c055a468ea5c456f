import Foundation

/// The signature of a webhook delivery, per the Standard Webhooks specification: the headers `webhook-id`,
/// `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256(secret, "{id}.{timestamp}.{body}")>`,
/// where the secret is the bytes behind `whsec_` (docs/notifications.md, "Verifying a delivery").
public enum WebhookSignature {
    /// The three headers for a delivery of `body` with message `id` at `timestamp`.
    public static func headers(id: String, timestamp: Date, body: [UInt8], secret: [UInt8])
        -> [(name: String, value: String)]
    {
        let seconds = String(Int64(timestamp.timeIntervalSince1970.rounded(.down)))
        return [
            ("webhook-id", id), ("webhook-timestamp", seconds),
            ("webhook-signature", "v1," + sign(id: id, timestamp: seconds, body: body, secret: secret)),
        ]
    }

    /// The base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`.
    public static func sign(id: String, timestamp: String, body: [UInt8], secret: [UInt8]) -> String {
        let content = Array("\(id).\(timestamp).".utf8) + body
        return Data(HMACSHA256.mac(key: secret, message: content)).base64EncodedString()
    }

    /// Whether one of the space-separated `v1,` signatures of `signatureHeader` signs `body` with `secret`, compared
    /// in constant time (what a receiver does; the tests use it as one).
    public static func verify(
        id: String, timestamp: String, body: [UInt8], signatureHeader: String, secret: [UInt8]
    ) -> Bool {
        let expected = Array(sign(id: id, timestamp: timestamp, body: body, secret: secret).utf8)
        return signatureHeader.split(separator: " ").contains { candidate in
            guard candidate.hasPrefix("v1,") else { return false }
            let given = Array(candidate.dropFirst(3).utf8)
            guard given.count == expected.count else { return false }
            return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }
}
