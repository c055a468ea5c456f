/// The `HOST:PORT` the HTTP server listens on; `[::1]:8080` for IPv6 literals, port 0 for any free port.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// The default: the loopback interface only, so a fresh install is not reachable from the network.
    public static let defaultValue = ListenAddress(host: "127.0.0.1", port: 8080)

    /// A host name or IP address, without IPv6 brackets.
    public let host: String
    /// The TCP port, 0–65535.
    public let port: Int

    /// An address from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, or returns why the text is not one.
    static func parse(_ text: String) -> Result<ListenAddress, ListenAddressProblem> {
        guard let colon = text.lastIndex(of: ":") else { return .failure(.init("expected HOST:PORT")) }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            return .failure(.init("write an IPv6 address in brackets, as [::1]:8080"))
        }
        guard !host.isEmpty else { return .failure(.init("the host is empty")) }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber),
            let port = Int(portText), port <= 65535
        else {
            return .failure(.init("the port must be a number from 0 to 65535"))
        }
        return .success(ListenAddress(host: host, port: port))
    }

    /// `HOST:PORT`, with brackets around IPv6 addresses.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

/// Why a `--listen` value was refused.
struct ListenAddressProblem: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
