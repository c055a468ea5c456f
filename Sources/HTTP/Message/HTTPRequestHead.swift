/// The request line and header section of one HTTP/1.x request, with its framing already checked.
public struct HTTPRequestHead: Sendable, Equatable {
    /// The method as sent (a case-sensitive token such as `GET`).
    public var method: String
    /// The raw request-target as sent.
    public var target: String
    /// The percent-decoded path: the origin-form path, the path of an absolute-form target, or `*`.
    ///
    /// For display and simple checks only: decoding merges an encoded `%2F` with the real separators, so routing
    /// uses `rawPath` split into segments instead (see `HTTPRouter`).
    public var path: String
    /// The path as sent, still percent-encoded, without the query: what the router splits on `/` and what logs
    /// show (never the query, which may carry secrets).
    public var rawPath: String
    /// The query as sent, without the `?` and undecoded; nil when the target has no `?`.
    public var rawQuery: String?
    /// The decoded query parameters (`+` read as a space).
    public var query: QueryParameters
    /// The protocol version, HTTP/1.0 or HTTP/1.1.
    public var version: HTTPVersion
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// Whether the connection may carry another request (RFC 9112 §9.3).
    public var keepAlive: Bool
    /// Whether the client waits for `100 Continue` before sending the body (HTTP/1.1 only).
    public var expectsContinue: Bool
    /// The Content-Length when the header was sent; nil when chunked or absent.
    public var contentLength: Int?
    /// Whether the body uses the chunked transfer coding.
    public var isChunked: Bool

    /// Creates a request head; the parser fills every field from the wire.
    ///
    /// Without `rawPath`, the part of an origin-form `target` before `?` is used (else `path`).
    public init(
        method: String, target: String, path: String, rawPath: String? = nil, rawQuery: String? = nil,
        query: QueryParameters = QueryParameters(), version: HTTPVersion = .http11,
        headers: HTTPHeaders = HTTPHeaders(), keepAlive: Bool = true, expectsContinue: Bool = false,
        contentLength: Int? = nil, isChunked: Bool = false
    ) {
        self.method = method
        self.target = target
        self.path = path
        if let rawPath {
            self.rawPath = rawPath
        } else if target.hasPrefix("/") {
            self.rawPath = String(target[..<(target.firstIndex(of: "?") ?? target.endIndex)])
        } else {
            self.rawPath = path
        }
        self.rawQuery = rawQuery
        self.query = query
        self.version = version
        self.headers = headers
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
        self.contentLength = contentLength
        self.isChunked = isChunked
    }
}
