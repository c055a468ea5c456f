import Transport

/// Connections through the `Transport` module: a `TCPStream` to the host's addresses in turn, wrapped in a
/// `TLSStream` for `https://` (TLS 1.2 or later, the certificate and host name verified against the system's trust
/// store and `NAFIDHA_NOTIFY_CA_FILE`).
public struct NetworkConnector: StreamConnector {
    /// The TLS context shared by every https connection, or why it could not be made (then https fails, plain
    /// http still works).
    private let tls: Result<TLSContext, TransportError>

    /// A connector trusting the system's store and, when given, the PEM certificates of `additionalCAFile`.
    public init(additionalCAFile: String? = nil) {
        do {
            tls = .success(try TLSContext(configuration: TLSConfiguration(additionalCAFile: additionalCAFile)))
        } catch {
            tls = .failure(error)
        }
    }

    public func connect(host: String, port: Int, tls wantsTLS: Bool, deadline: ContinuousClock.Instant)
        throws(TransportError) -> any ByteStream
    {
        let context: TLSContext? = wantsTLS ? try tls.get() : nil
        let stream = try TCPStream.connect(host: host, port: port, timeout: max(deadline - .now, .milliseconds(1)))
        guard let context else { return stream }
        do {
            return try TLSStream(over: stream, serverName: host, context: context, deadline: deadline)
        } catch {
            stream.close(deadline: deadline)
            throw error
        }
    }
}
