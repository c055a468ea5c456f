/// Writes a streamed response body from a worker thread; each write blocks while the client is behind.
public struct HTTPBodyWriter: Sendable {
    let sink: StreamSink

    /// Sends `bytes` as one chunk; blocks above the outbound high-water mark; throws when the client is gone.
    public func write(_ bytes: [UInt8]) throws(HTTPStreamError) {
        guard !bytes.isEmpty else { return }
        try sink.write(bytes)
    }

    /// Sends the UTF-8 bytes of `text` as one chunk.
    public func write(_ text: String) throws(HTTPStreamError) {
        try write(Array(text.utf8))
    }
}

/// Why a streamed response could not continue; the writer closure sees it from `write`.
public struct HTTPStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case connectionClosed
        case writeTimeout
    }

    private let reason: Reason

    /// The client closed the connection (or the server is closing it).
    public static let connectionClosed = HTTPStreamError(reason: .connectionClosed)
    /// The client read nothing for the configured write timeout.
    public static let writeTimeout = HTTPStreamError(reason: .writeTimeout)

    /// A stable code: `connection_closed` or `write_timeout`.
    public var code: String {
        switch reason {
        case .connectionClosed: "connection_closed"
        case .writeTimeout: "write_timeout"
        }
    }

    /// The code, for logs.
    public var description: String { code }
}
