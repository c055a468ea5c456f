/// A response a handler returns: status, header fields and a body (bytes, or a stream).
public struct HTTPResponse: Sendable {
    /// The status sent on the status line.
    public var status: HTTPResponseStatus
    /// Header fields; the server adds `Content-Length` or `Transfer-Encoding`, `Date`, `X-Request-ID`, `Connection`.
    public var headers: HTTPHeaders
    /// The body.
    public var body: HTTPResponseBody
    /// For a streamed body whose size is known (a stored file): its exact length in bytes, sent as `Content-Length`
    /// instead of the chunked coding. A writer that writes another number of bytes gets its connection closed.
    public var streamLength: Int?

    /// Creates a response.
    public init(
        status: HTTPResponseStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: HTTPResponseBody = .bytes([])
    ) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response from already-encoded JSON text.
    public static func json(_ text: String, status: HTTPResponseStatus = .ok) -> HTTPResponse {
        json(bytes: Array(text.utf8), status: status)
    }

    /// A JSON response from already-encoded JSON bytes.
    public static func json(bytes: [UInt8], status: HTTPResponseStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: HTTPHeaders([(name: "Content-Type", value: "application/json; charset=utf-8")]),
            body: .bytes(bytes)
        )
    }

    /// A plain-text (UTF-8) response.
    public static func text(_ text: String, status: HTTPResponseStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: HTTPHeaders([(name: "Content-Type", value: "text/plain; charset=utf-8")]),
            body: .bytes(Array(text.utf8))
        )
    }
}

/// A response body: all bytes at once, or a closure that streams them (sent with chunked transfer coding).
public enum HTTPResponseBody: Sendable {
    /// The whole body; sent with `Content-Length`.
    case bytes([UInt8])
    /// A writer closure run on a worker thread; each write blocks while the connection's outbound buffer is full.
    case stream(@Sendable (HTTPBodyWriter) throws -> Void)
}
