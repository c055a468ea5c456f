import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Plain TCP connections: resolves the host (every address it has, in order), connects without blocking past the
/// deadline, and refuses TLS, which this build cannot speak yet (`TransportError.Kind.tlsUnavailable`).
public struct PlainTCPConnector: StreamConnector {
    /// A connector.
    public init() {}

    /// A connected socket; `tls` is refused.
    public func connect(host: String, port: Int, tls: Bool, deadline: ContinuousClock.Instant) throws(TransportError)
        -> any ByteStream
    {
        guard !tls else {
            throw TransportError(
                .tlsUnavailable, "https is not available in this build: TLS comes with the Mail module")
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw TransportError(.resolution, "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = TransportError(.connection, "cannot connect to \(host):\(port)")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            entry = current.pointee.ai_next
            do {
                return try TCPSocket.connect(
                    family: current.pointee.ai_family, address: current.pointee.ai_addr,
                    length: current.pointee.ai_addrlen, deadline: deadline, label: "\(host):\(port)")
            } catch {
                lastError = error
                if error.kind == .timeout { throw error }
            }
        }
        throw lastError
    }
}
