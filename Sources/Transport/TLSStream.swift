import CSSL

#if canImport(Glibc)
    import Glibc
#endif

/// A TLS client connection over a `TCPStream`, through OpenSSL; the server's certificate and host name verified.
///
/// OpenSSL never touches the socket: it reads and writes two memory BIOs, and this class moves their bytes through
/// the `TCPStream`. So every wait is the TCP stream's bounded `poll`, a peer that went away is an EPIPE error
/// rather than a SIGPIPE, and the same code upgrades a connection in the middle of a protocol (STARTTLS).
public final class TLSStream: ByteStream {
    private let transport: TCPStream
    private let ssl: OpaquePointer
    /// Bytes from the server, written by us, read by OpenSSL (owned by `ssl`).
    private let incoming: OpaquePointer
    /// Bytes for the server, written by OpenSSL, read by us (owned by `ssl`).
    private let outgoing: OpaquePointer
    private var isClosed = false
    private var peerEnded = false

    /// The name (or address) the certificate was verified for.
    public let serverName: String

    /// TLS records carry at most 16 KiB of data: reads and writes go in pieces of that size, so the memory BIOs
    /// never hold more than a record or two.
    private static let recordSize = 16 * 1024

    /// Runs the TLS handshake over `transport` and verifies the server, all before `deadline`.
    ///
    /// Takes the TCP stream over: use only the TLS stream from then on. A failed handshake leaves the TCP stream
    /// unusable; close it.
    ///
    /// - Parameters:
    ///   - transport: a connected TCP stream, on which nothing is buffered (STARTTLS: after the server's 220).
    ///   - serverName: the DNS name the certificate must name (also sent as SNI), or a numeric IP address it must
    ///     list (no SNI then, RFC 6066 §3).
    ///   - context: the trust settings.
    ///   - deadline: for the whole handshake.
    public init(
        over transport: TCPStream, serverName: String, context: TLSContext, deadline: ContinuousClock.Instant
    ) throws(TransportError) {
        ERR_clear_error()
        guard let ssl = SSL_new(context.pointer) else { throw .tls("SSL_new", OpenSSLError.take()) }
        guard let incoming = BIO_new(BIO_s_mem()), let outgoing = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw .tls("BIO_new", OpenSSLError.take())
        }
        nafidha_bio_retry_when_empty(incoming)
        nafidha_bio_retry_when_empty(outgoing)
        SSL_set_bio(ssl, incoming, outgoing)
        // Every stored property is set before the first check below, so a throw frees `ssl` (and both BIOs) in
        // deinit.
        self.transport = transport
        self.ssl = ssl
        self.incoming = incoming
        self.outgoing = outgoing
        self.serverName = serverName
        try expectHost(serverName)
        SSL_set_connect_state(ssl)
        _ = try drive("handshake", deadline: deadline) { SSL_connect(ssl) }
    }

    deinit {
        SSL_free(ssl)
    }

    /// The negotiated protocol, e.g. `"TLSv1.3"`.
    public var protocolVersion: String {
        String(cString: SSL_get_version(ssl))
    }

    public func read(maximumCount: Int, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8] {
        guard !isClosed else { throw .closed }
        if peerEnded { return [] }
        var buffer = [UInt8](repeating: 0, count: min(max(maximumCount, 1), Self.recordSize))
        let count = try drive("read", deadline: deadline) {
            buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
        }
        guard count > 0 else {
            peerEnded = true
            return []
        }
        return Array(buffer[..<Int(count)])
    }

    public func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(TransportError) {
        guard !isClosed else { throw .closed }
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + Self.recordSize, bytes.count)
            let written = try drive("write", deadline: deadline) {
                bytes[offset..<end].withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
            }
            guard written > 0 else { throw .closedByPeer("write") }
            offset += Int(written)
        }
    }

    /// Sends close_notify and closes the TCP stream, without waiting for the server's own close_notify: a client
    /// that has nothing more to read needs not (RFC 8446 §6.1).
    public func close(deadline: ContinuousClock.Instant) {
        guard !isClosed else { return }
        isClosed = true
        ERR_clear_error()
        if SSL_is_init_finished(ssl) == 1 {
            _ = SSL_shutdown(ssl)
            try? flush(deadline: deadline)
        }
        ERR_clear_error()
        transport.close(deadline: deadline)
    }

    /// Tells OpenSSL what the certificate must name: a host name (checked by `SSL_set1_host`, also sent as SNI)
    /// or an IP address (checked against the certificate's IP addresses).
    private func expectHost(_ name: String) throws(TransportError) {
        if Self.isIPAddress(name) {
            guard X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name) == 1 else {
                throw .tls("X509_VERIFY_PARAM_set1_ip_asc", OpenSSLError.take())
            }
            return
        }
        // A wildcard must stand for a whole label: "*.example.org", never "w*.example.org" (RFC 6125 §7.2).
        SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
        guard SSL_set1_host(ssl, name) == 1 else { throw .tls("SSL_set1_host", OpenSSLError.take()) }
        guard nafidha_ssl_set_server_name(ssl, name) == 1 else {
            throw .tls("SSL_set_tlsext_host_name", OpenSSLError.take())
        }
    }

    /// Calls `call` (an `SSL_*` function) until it succeeds, moving bytes between the BIOs and the socket.
    ///
    /// - Returns: `call`'s positive result, or 0 when the server sent close_notify.
    private func drive(
        _ operation: String, deadline: ContinuousClock.Instant, _ call: () -> Int32
    ) throws(TransportError) -> Int32 {
        while true {
            ERR_clear_error()
            let result = call()
            let status = result > 0 ? SSL_ERROR_NONE : SSL_get_error(ssl, result)
            switch status {
            case SSL_ERROR_NONE:
                try flush(deadline: deadline)
                return result
            case SSL_ERROR_ZERO_RETURN:
                return 0
            case SSL_ERROR_WANT_READ:
                try flush(deadline: deadline)
                try fill(operation, deadline: deadline)
            case SSL_ERROR_WANT_WRITE:
                try flush(deadline: deadline)
            default:
                let failure = failure(operation)
                // The alert OpenSSL queued tells the server why; it may be gone already, which changes nothing.
                try? flush(deadline: deadline)
                throw failure
            }
        }
    }

    /// Sends everything OpenSSL wrote into the outgoing BIO.
    private func flush(deadline: ContinuousClock.Instant) throws(TransportError) {
        while BIO_ctrl_pending(outgoing) > 0 {
            var chunk = [UInt8](repeating: 0, count: min(Int(BIO_ctrl_pending(outgoing)), 2 * Self.recordSize))
            let count = chunk.withUnsafeMutableBytes { BIO_read(outgoing, $0.baseAddress, Int32($0.count)) }
            guard count > 0 else { return }
            chunk.removeSubrange(Int(count)...)
            try transport.write(chunk, deadline: deadline)
        }
    }

    /// Reads what the server sent into the incoming BIO, waiting until `deadline`.
    private func fill(_ operation: String, deadline: ContinuousClock.Instant) throws(TransportError) {
        let bytes = try transport.read(maximumCount: Self.recordSize, deadline: deadline)
        // A TLS peer ends with close_notify; a bare end of stream may be a truncation, never a clean end.
        guard !bytes.isEmpty else { throw .closedByPeer("TLS \(operation)") }
        let written = bytes.withUnsafeBytes { BIO_write(incoming, $0.baseAddress, Int32($0.count)) }
        guard written == Int32(bytes.count) else { throw .tls("BIO_write", OpenSSLError.take()) }
    }

    /// The error for a failed `operation`: the certificate's verification result when that is what failed,
    /// else OpenSSL's reason text.
    private func failure(_ operation: String) -> TransportError {
        let verification = SSL_get_verify_result(ssl)
        if verification != X509_V_OK {
            ERR_clear_error()
            return .certificate(host: serverName, String(cString: X509_verify_cert_error_string(verification)))
        }
        return .tls(operation, OpenSSLError.take())
    }

    private static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}
