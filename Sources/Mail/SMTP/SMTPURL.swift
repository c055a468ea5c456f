import Foundation

/// Where and how to reach the SMTP server, parsed from a URL:
///
/// | form | TLS |
/// | --- | --- |
/// | `smtp://[user:password@]host[:port]` | STARTTLS whenever the server offers it; port 587 by default |
/// | `smtp+starttls://[user:password@]host[:port]` | STARTTLS required: a server without it is an error; port 587 |
/// | `smtps://[user:password@]host[:port]` | implicit TLS from the first byte (RFC 8314); port 465 |
///
/// User and password are percent-decoded (`%40` for `@`, `%3A` for `:`); an IPv6 host is bracketed
/// (`[::1]`). Nothing may follow the port but an optional `/`. Credentials are only ever sent over TLS.
public struct SMTPURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection gets its TLS.
    public enum Security: String, Sendable, Hashable {
        /// `smtp`: STARTTLS when offered, plain text otherwise (and then no AUTH).
        case startTLSWhenOffered = "smtp"
        /// `smtp+starttls`: STARTTLS or nothing.
        case startTLSRequired = "smtp+starttls"
        /// `smtps`: TLS from the first byte.
        case implicitTLS = "smtps"
    }

    /// How TLS is obtained.
    public var security: Security
    /// The server's host name (or IP address, without brackets); what its certificate must name.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The AUTH user name, when the server wants one.
    public var username: String?
    /// The AUTH password (never printed).
    public var password: String?

    /// Parses `text`; see the type's documentation for the forms.
    public init(_ text: String) throws(MailConfigurationError) {
        guard let separator = text.range(of: "://") else {
            throw MailConfigurationError("the SMTP URL must start with smtp://, smtp+starttls:// or smtps://")
        }
        guard let security = Security(rawValue: text[..<separator.lowerBound].lowercased()) else {
            throw MailConfigurationError(
                "unknown SMTP URL scheme \"\(text[..<separator.lowerBound])\" (use smtp, smtp+starttls or smtps)")
        }
        var authority = text[separator.upperBound...]
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.contains(where: { "/?#".contains($0) || $0.isWhitespace }) else {
            throw MailConfigurationError("the SMTP URL may not have a path, a query or spaces")
        }
        self.security = security
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            guard let colon = credentials.firstIndex(of: ":"), colon != credentials.startIndex,
                credentials.index(after: colon) != credentials.endIndex
            else { throw MailConfigurationError("the SMTP URL's credentials must be user:password") }
            username = try Self.percentDecoded(credentials[..<colon])
            password = try Self.percentDecoded(credentials[credentials.index(after: colon)...])
            authority = authority[authority.index(after: at)...]
        }
        (host, port) = try Self.hostAndPort(authority, defaultPort: security == .implicitTLS ? 465 : 587)
    }

    /// The URL with the password masked, for logs.
    public var description: String {
        let credentials = username.map { "\($0):***@" } ?? ""
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(security.rawValue)://\(credentials)\(shownHost):\(port)"
    }

    private static func hostAndPort(_ authority: Substring, defaultPort: Int) throws(MailConfigurationError) -> (
        String, Int
    ) {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw MailConfigurationError("the SMTP URL's IPv6 host lacks its closing ]")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { throw MailConfigurationError("the SMTP URL's port is malformed") }
                portText = rest.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else { throw MailConfigurationError("the SMTP URL has no host") }
        guard let portText else { return (String(host), defaultPort) }
        guard portText.allSatisfy(\.isASCII), let port = Int(portText), (1...65535).contains(port) else {
            throw MailConfigurationError("the SMTP URL's port must be a number from 1 to 65535")
        }
        return (String(host), port)
    }

    private static func percentDecoded(_ text: Substring) throws(MailConfigurationError) -> String {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw MailConfigurationError("the SMTP URL's credentials have a malformed %-escape")
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw MailConfigurationError("the SMTP URL's credentials are not UTF-8 once decoded")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
