import Foundation

/// A webhook subscription's secret: 32 random bytes, shown once as `whsec_` and their base64 (the Standard
/// Webhooks format); the bytes are the HMAC key.
public struct WebhookSecret: Sendable, Equatable {
    /// The prefix of the secret's text.
    public static let prefix = "whsec_"

    /// The key.
    public let bytes: [UInt8]

    /// A new random secret.
    public static func generate() -> WebhookSecret {
        WebhookSecret(bytes: SecureRandom.bytes(32))
    }

    /// A secret of known bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads `whsec_<base64>`; nil when it is not one.
    public init?(text: String) {
        guard text.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(text.dropFirst(Self.prefix.count))),
            !data.isEmpty
        else { return nil }
        bytes = Array(data)
    }

    /// `whsec_` and the base64 of the bytes.
    public var text: String {
        Self.prefix + Data(bytes).base64EncodedString()
    }
}
