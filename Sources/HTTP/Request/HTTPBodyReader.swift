/// Reads a streaming request body on a worker thread, as the client sends it (routes registered with
/// `streamingBodyLimit`; see `RouterMethods.add(method:path:streamingBodyLimit:handler:)`).
public struct HTTPBodyReader: Sendable {
    let stream: BodyStream

    /// The next bytes of the body, de-chunked, in pieces of the server's choosing (never empty); nil at its end.
    /// Blocks while nothing has arrived.
    /// - Throws: `HTTPError`: 413 `body_too_large` once a chunked body passes the route's limit; the parser's 400
    ///   for a malformed body; 400 `incomplete_body` when the client closed the connection or a body deadline
    ///   passed before the end (the connection is then gone, so nobody sees that answer: it only stops the handler).
    public func read() throws(HTTPError) -> [UInt8]? {
        try stream.read()
    }
}

extension HTTPError {
    /// The body ended before its declared end: the client left or a body deadline passed.
    static var incompleteBody: HTTPError {
        HTTPError(.badRequest, code: "incomplete_body", message: "The request body ended before it was complete.")
    }
}
