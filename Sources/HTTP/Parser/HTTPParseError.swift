/// Why a request could not be parsed, with the status to answer before closing the connection.
public struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The response status: 400, 413, 414, 431, 501 or 505.
    public var status: Int
    /// A stable machine-readable code such as `conflicting_framing`.
    public var code: String
    /// One human sentence saying what was wrong.
    public var reason: String

    init(status: Int, code: String, reason: String) {
        self.status = status
        self.code = code
        self.reason = reason
    }

    /// `status code: reason`, for logs.
    public var description: String { "\(status) \(code): \(reason)" }
}

extension HTTPParseError {
    static func badRequestLine(_ reason: String) -> Self {
        Self(status: 400, code: "invalid_request_line", reason: reason)
    }

    static func badTarget(_ reason: String) -> Self {
        Self(status: 400, code: "invalid_target", reason: reason)
    }

    static func badQuery(_ reason: String) -> Self {
        Self(status: 400, code: "invalid_query", reason: reason)
    }

    static func badHeader(_ reason: String) -> Self {
        Self(status: 400, code: "invalid_header", reason: reason)
    }

    static let bareLineFeed = Self(
        status: 400, code: "invalid_line_ending", reason: "A line ends with LF alone; CRLF is required.")
    static let bareCarriageReturn = Self(
        status: 400, code: "invalid_line_ending", reason: "A CR is not followed by LF.")
    static let obsoleteLineFolding = Self(
        status: 400, code: "obsolete_line_folding", reason: "A header line starts with whitespace (obs-fold).")
    static let missingHost = Self(
        status: 400, code: "missing_host", reason: "An HTTP/1.1 request must carry a Host header.")
    static let duplicateHost = Self(
        status: 400, code: "duplicate_host", reason: "A request must carry a single Host header.")
    static let conflictingFraming = Self(
        status: 400, code: "conflicting_framing",
        reason: "Content-Length and Transfer-Encoding must not both be sent.")

    static func badContentLength(_ reason: String) -> Self {
        Self(status: 400, code: "invalid_content_length", reason: reason)
    }

    static func badTransferEncoding(_ reason: String) -> Self {
        Self(status: 400, code: "invalid_transfer_encoding", reason: reason)
    }

    static let unsupportedTransferCoding = Self(
        status: 501, code: "unsupported_transfer_coding", reason: "Only the chunked transfer coding is supported.")

    static func badChunk(_ reason: String) -> Self {
        Self(status: 400, code: "invalid_chunk", reason: reason)
    }

    static let chunkLineTooLong = Self(
        status: 400, code: "chunk_line_too_long", reason: "A chunk-size line with its extensions is too long.")
    static let bodyTooLarge = Self(
        status: 413, code: "body_too_large", reason: "The request body is larger than allowed.")
    static let targetTooLong = Self(
        status: 414, code: "target_too_long", reason: "The request-target is longer than allowed.")
    static let headerTooLarge = Self(
        status: 431, code: "header_too_large", reason: "The header section is larger than allowed.")
    static let tooManyHeaders = Self(
        status: 431, code: "too_many_headers", reason: "The request has more header fields than allowed.")
    static let trailersTooLarge = Self(
        status: 431, code: "trailers_too_large", reason: "The trailer section is larger than allowed.")
    static let methodNotImplemented = Self(
        status: 501, code: "method_not_implemented", reason: "CONNECT is not supported.")
    static let versionNotSupported = Self(
        status: 505, code: "version_not_supported", reason: "Only HTTP/1.0 and HTTP/1.1 are supported.")
}
