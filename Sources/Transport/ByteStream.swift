/// A connected, blocking, two-way byte stream to a server: plain TCP (`TCPStream`) or TLS over it (`TLSStream`).
///
/// One interface for both, so a protocol client (SMTP, an HTTP client) is written once and upgrades its stream in
/// place (STARTTLS) without knowing which it holds. Every call blocks the calling thread until `deadline` at most:
/// call these from threads you own, never from Swift concurrency's cooperative pool. A stream is used by one thread
/// at a time and is not `Sendable`.
public protocol ByteStream: AnyObject {
    /// Reads what has arrived, at most `maximumCount` bytes, waiting for at least one byte until `deadline`.
    ///
    /// - Returns: the bytes read; empty when the server ended the stream in an orderly way.
    func read(maximumCount: Int, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8]

    /// Writes all of `bytes`, waiting for the connection to take them until `deadline`.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(TransportError)

    /// Ends the stream cleanly (a TLS close_notify first), waiting at most until `deadline`, and releases it.
    ///
    /// Never fails: a stream that cannot be ended cleanly is released anyway. Closing twice does nothing.
    func close(deadline: ContinuousClock.Instant)
}
