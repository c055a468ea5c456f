import Foundation

/// An `http://` or `https://` URL the delivery workers POST to: the SMS gateway, a webhook. Anything else (another
/// scheme, credentials in the URL, a fragment, spaces or control characters) is refused with a reason.
public struct OutgoingURL: Sendable, Equatable, CustomStringConvertible {
    /// Whether it is `https`.
    public let secure: Bool
    /// The host, without brackets for IPv6.
    public let host: String
    /// The port, default 80 or 443.
    public let port: Int
    /// The request-target: path and query, `/` when empty.
    public let target: String
    /// The URL as given.
    public let text: String

    /// Parses `text`; the error says why it is refused.
    public init(_ text: String) throws(OutgoingURLError) {
        guard text.count <= 2000 else { throw OutgoingURLError("is longer than 2000 characters") }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw OutgoingURLError("holds spaces, control or non-ASCII characters")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw OutgoingURLError("is not a URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw OutgoingURLError("has the scheme ‘\(scheme)’: only http and https are delivered to")
        }
        guard let host = components.host, !host.isEmpty else { throw OutgoingURLError("has no host") }
        guard components.user == nil, components.password == nil else {
            throw OutgoingURLError("holds credentials; give the SMS gateway's token in NAFIDHA_SMS_TOKEN instead")
        }
        guard components.fragment == nil else { throw OutgoingURLError("has a #fragment") }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { throw OutgoingURLError("has an invalid port") }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.secure = scheme == "https"
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        self.target = path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        self.text = text
    }

    /// The `Host` header's value.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// The URL without its path and query, for logs and listings that must not show a token in a query string.
    public var redacted: String {
        "\(secure ? "https" : "http")://\(hostHeader)/…"
    }

    /// The URL as given.
    public var description: String { text }
}
