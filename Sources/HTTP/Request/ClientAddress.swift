import Foundation

/// Which address a request comes from, given the proxies the server trusts (RFC 7239 §5.2 describes the
/// `X-Forwarded-For` list this reads: each proxy appends the address it received the request from).
///
/// The peer's address is the client's unless the peer is a trusted proxy. Then the list is read from its right end,
/// skipping addresses of trusted proxies, and the first address that is not one is the client's: whatever a client
/// writes at the left end of the list itself is never believed. An entry that is not a numeric address ends the walk
/// at the last trusted proxy, the nearest hop known to be honest.
enum ClientAddress {
    /// At most this many list entries are examined (the header block's own limit bounds them anyway).
    static let maximumHops = 32

    static func resolve(peer: String, forwardedFor: [String], trusted: [IPNetwork]) -> String {
        guard !trusted.isEmpty, isTrusted(peer, trusted) else { return peer }
        var entries: [Substring] = []
        for value in forwardedFor {
            entries.append(contentsOf: value.split(separator: ",", omittingEmptySubsequences: false))
        }
        var client = peer
        for entry in entries.reversed().prefix(maximumHops) {
            let address = entry.trimmingCharacters(in: .whitespaces)
            guard IPNetwork.parse(address) != nil else { return client }
            client = address
            if !isTrusted(address, trusted) { return address }
        }
        return client
    }

    private static func isTrusted(_ address: String, _ trusted: [IPNetwork]) -> Bool {
        guard let parsed = IPNetwork.parse(address) else { return false }
        return trusted.contains { $0.contains(bytes: parsed.bytes) }
    }
}
