import Transport

/// Opens byte streams to `host:port`, in TLS when `tls` is true: what the outgoing HTTP client needs from the
/// network, so tests and deployments can choose how connections are made (`NetworkConnector`).
public protocol StreamConnector: Sendable {
    /// A stream connected (and for TLS, its handshake done and the server verified) before `deadline`.
    func connect(host: String, port: Int, tls: Bool, deadline: ContinuousClock.Instant) throws(TransportError)
        -> any ByteStream
}
