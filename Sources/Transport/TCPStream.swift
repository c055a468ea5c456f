#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to a server, owning its socket: `close` or `deinit` releases it on every path.
///
/// The socket is non-blocking underneath; every call waits with `poll` until its deadline at most, so a silent
/// server costs a timeout, never a stuck thread.
public final class TCPStream: ByteStream {
    /// The socket, or -1 once closed.
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Resolves `host` and connects to its addresses in turn until one accepts, all within `timeout`.
    ///
    /// - Parameters:
    ///   - host: a DNS name or a numeric IPv4 or IPv6 address (without brackets).
    ///   - port: the server's TCP port.
    ///   - timeout: for all attempts together (name resolution follows the system resolver's own timeout).
    public static func connect(host: String, port: Int, timeout: Duration) throws(TransportError) -> TCPStream {
        guard (1...65535).contains(port) else {
            throw .connect(host: host, port: port, message: "the port is not between 1 and 65535")
        }
        let deadline = ContinuousClock.now + timeout
        var lastFailure = "no address"
        for address in try SocketCalls.resolve(host: host, port: port) {
            switch SocketCalls.connect(to: address, deadline: deadline) {
            case .success(let fd): return TCPStream(descriptor: fd)
            case .failure(.timedOut): throw .timedOut("connecting to \(host) port \(port)")
            case .failure(.refused(let message)): lastFailure = message
            }
        }
        throw .connect(host: host, port: port, message: lastFailure)
    }

    public func read(maximumCount: Int, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8] {
        guard descriptor >= 0 else { throw .closed }
        return try SocketCalls.receive(descriptor, maximumCount: maximumCount, deadline: deadline, operation: "read")
    }

    public func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(TransportError) {
        guard descriptor >= 0 else { throw .closed }
        try SocketCalls.sendAll(descriptor, bytes, deadline: deadline, operation: "write")
    }

    public func close(deadline: ContinuousClock.Instant) {
        guard descriptor >= 0 else { return }
        // Linux releases the descriptor even when close reports EINTR, so retrying could close a reused number.
        Glibc.close(descriptor)
        descriptor = -1
    }
}
