/// Why a client connection could not be made, or failed while in use.
///
/// A struct wrapping a private enum, so that reasons can be added without breaking callers; the `is...` properties
/// are what callers branch on (a protocol client maps them to its own retry classes).
public struct TransportError: Error, Sendable, CustomStringConvertible {
    private enum Reason: Sendable {
        case resolution(host: String, message: String)
        case connect(host: String, port: Int, message: String)
        case timedOut(operation: String)
        case closedByPeer(operation: String)
        case systemCall(call: String, errno: Int32, message: String)
        case tls(operation: String, message: String)
        case certificate(host: String, message: String)
        case configuration(message: String)
        case closed
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The host name did not resolve; `message` is `gai_strerror`'s text.
    static func resolution(host: String, message: String) -> TransportError {
        TransportError(.resolution(host: host, message: message))
    }

    /// No address of the host accepted a connection; `message` says what the last attempt met.
    static func connect(host: String, port: Int, message: String) -> TransportError {
        TransportError(.connect(host: host, port: port, message: message))
    }

    /// `operation` did not finish before its deadline.
    static func timedOut(_ operation: String) -> TransportError {
        TransportError(.timedOut(operation: operation))
    }

    /// The peer ended the connection while `operation` still needed it.
    static func closedByPeer(_ operation: String) -> TransportError {
        TransportError(.closedByPeer(operation: operation))
    }

    /// A system call failed with `errno`.
    static func systemCall(_ call: String, errno: Int32, message: String) -> TransportError {
        TransportError(.systemCall(call: call, errno: errno, message: message))
    }

    /// OpenSSL refused `operation`; `message` is its error queue's text.
    static func tls(_ operation: String, _ message: String) -> TransportError {
        TransportError(.tls(operation: operation, message: message))
    }

    /// The server's certificate did not verify for `host`; `message` is OpenSSL's verification result.
    static func certificate(host: String, _ message: String) -> TransportError {
        TransportError(.certificate(host: host, message: message))
    }

    /// The TLS settings cannot be used (a CA file OpenSSL cannot read, for instance).
    static func configuration(_ message: String) -> TransportError {
        TransportError(.configuration(message: message))
    }

    /// The stream was already closed by this side.
    static let closed = TransportError(.closed)

    /// Whether an operation ran out of time (connect, read, write or the TLS handshake).
    public var isTimeout: Bool {
        if case .timedOut = reason { return true }
        return false
    }

    /// Whether the peer closed or reset the connection while it was still needed.
    public var isConnectionClosed: Bool {
        if case .closedByPeer = reason { return true }
        return false
    }

    /// Whether the TLS layer failed: the handshake, the server's certificate or host name, or a TLS record.
    public var isTLS: Bool {
        switch reason {
        case .tls, .certificate: true
        default: false
        }
    }

    /// Whether the server's certificate chain or host name did not verify.
    public var isCertificateRejected: Bool {
        if case .certificate = reason { return true }
        return false
    }

    public var description: String {
        switch reason {
        case .resolution(let host, let message): "cannot resolve \(host): \(message)"
        case .connect(let host, let port, let message): "cannot connect to \(host) port \(port): \(message)"
        case .timedOut(let operation): "\(operation) timed out"
        case .closedByPeer(let operation): "the peer closed the connection during \(operation)"
        case .systemCall(let call, let errno, let message): "\(call): \(message) (errno \(errno))"
        case .tls(let operation, let message): "TLS \(operation) failed: \(message)"
        case .certificate(let host, let message): "the certificate of \(host) is not trusted: \(message)"
        case .configuration(let message): "unusable TLS settings: \(message)"
        case .closed: "the connection is closed"
        }
    }
}
