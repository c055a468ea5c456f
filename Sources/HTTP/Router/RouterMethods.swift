/// Route registration shared by `HTTPRouter` and `RouterGroup`: `add(method:path:inline:handler:)` and one
/// shorthand per method.
public protocol RouterMethods<Context> {
    /// The context type handlers receive.
    associatedtype Context: RequestContextProtocol

    /// Registers `handler` for `method` on `path` (relative to a group's prefix).
    func add(
        method: String, path: String, inline: Bool,
        handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse)

    /// Registers `handler` for `method` on `path` with a streaming request body: the handler runs on a worker as
    /// soon as the head is parsed and pulls the body with `request.bodyReader` while it arrives, instead of the
    /// body being buffered first. A declared `Content-Length` above `streamingBodyLimit` is answered 413 before a
    /// byte of the body is read; a chunked body fails the reader with 413 once it passes the limit. The server
    /// holds at most `streamingBodyBufferBytes` of it (it stops reading the socket when that is full), and the
    /// slow-sender deadlines keep running, except while the server itself is the one holding the client back.
    func add(
        method: String, path: String, streamingBodyLimit: Int,
        handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse)
}

extension RouterMethods {
    /// Registers a GET handler (also answers HEAD, without the body).
    /// - Parameters:
    ///   - inline: run on the event loop instead of a worker; only for handlers that never block.
    public func get(
        _ path: String, inline: Bool = false,
        handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse
    ) {
        add(method: "GET", path: path, inline: inline, handler: handler)
    }

    /// Registers a POST handler.
    public func post(_ path: String, handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse) {
        add(method: "POST", path: path, inline: false, handler: handler)
    }

    /// Registers a PUT handler.
    public func put(_ path: String, handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse) {
        add(method: "PUT", path: path, inline: false, handler: handler)
    }

    /// Registers a DELETE handler.
    public func delete(_ path: String, handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse) {
        add(method: "DELETE", path: path, inline: false, handler: handler)
    }

    /// Registers a PATCH handler.
    public func patch(_ path: String, handler: @escaping @Sendable (HTTPRequest, Context) throws -> HTTPResponse) {
        add(method: "PATCH", path: path, inline: false, handler: handler)
    }
}
