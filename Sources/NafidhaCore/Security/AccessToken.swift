/// A bearer secret (citizen access token, staff API token): 256 random bits as base64url without padding
/// (43 characters). Only its SHA-256 is stored; it is shown once.
public struct AccessToken: Sendable, Hashable {
    /// The token as the holder presents it.
    public let text: String

    /// A new random token.
    public static func generate() -> AccessToken {
        AccessToken(text: Base64URL.encode(SecureRandom.bytes(32)))
    }

    /// Wraps a presented token.
    public init(text: String) {
        self.text = text
    }

    /// The 32-byte SHA-256 of the token's UTF-8 text: what the database stores and compares.
    public var hash: [UInt8] {
        SHA256.hash(text)
    }
}

/// base64url (RFC 4648 §5) without padding.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Encodes `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] {
                out.append(alphabet[Int((value >> UInt32(shift)) & 0x3f)])
            }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            var value = UInt32(bytes[index]) << 16
            if rest == 2 { value |= UInt32(bytes[index + 1]) << 8 }
            let shifts = rest == 1 ? [18, 12] : [18, 12, 6]
            for shift in shifts {
                out.append(alphabet[Int((value >> UInt32(shift)) & 0x3f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
