#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 network in CIDR notation (`10.0.0.0/8`, `::1/128`; a bare address is one host), for deciding
/// which peers are trusted proxies. IPv4 is held as IPv4-mapped IPv6 (`::ffff:0:0/96`), so an IPv4 peer seen on a
/// dual-stack socket (`::ffff:10.1.2.3`) matches `10.0.0.0/8`.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    private let address: [UInt8]
    private let prefixLength: Int
    /// The text it was parsed from.
    public let description: String

    /// Parses `ADDRESS[/PREFIX]`; nil when it is not a numeric address with a prefix in range.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let parsed = Self.parse(String(parts[0])) else { return nil }
        let maximum = parsed.isIPv4 ? 32 : 128
        var length = maximum
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber),
                let value = Int(parts[1]), value <= maximum
            else { return nil }
            length = value
        }
        address = parsed.bytes
        prefixLength = parsed.isIPv4 ? length + 96 : length
        description = text
    }

    /// Whether `host` (a numeric address) lies in the network; false for anything that is not an address.
    public func contains(_ host: String) -> Bool {
        guard let parsed = Self.parse(host) else { return false }
        return contains(bytes: parsed.bytes)
    }

    func contains(bytes: [UInt8]) -> Bool {
        var remaining = prefixLength
        for index in 0..<16 where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if bytes[index] & mask != address[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// Sixteen bytes (IPv4 mapped), and whether the text was IPv4; nil when it is not a numeric address.
    static func parse(_ text: String) -> (bytes: [UInt8], isIPv4: Bool)? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            let value = UInt32(bigEndian: v4.s_addr)
            return (
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
                    + [
                        UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
                        UInt8(value & 0xFF),
                    ],
                true
            )
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        return (bytes, false)
    }
}
