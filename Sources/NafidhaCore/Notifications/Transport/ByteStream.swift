/// A connected, bidirectional byte stream with deadlines: a plain TCP socket (`PlainTCPConnector`) now, a TLS
/// session later (the `Mail` module's TLS socket, through a `StreamConnector` of its own). Used from one thread.
public protocol ByteStream: AnyObject {
    /// Writes all of `bytes` before `deadline`.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(TransportError)
    /// Reads at most `maximum` bytes, waiting until `deadline`; an empty answer means the peer closed.
    func read(maximum: Int, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8]
    /// Closes the stream; further calls fail.
    func close()
}

/// Opens byte streams to `host:port`, in TLS when `tls` is true. The HTTP client takes one, so TLS can be plugged
/// in without touching it.
public protocol StreamConnector: Sendable {
    /// A stream connected before `deadline`.
    func connect(host: String, port: Int, tls: Bool, deadline: ContinuousClock.Instant) throws(TransportError)
        -> any ByteStream
}
