/// Turns a request into a response; the whole server design hangs on this one method.
public protocol HTTPResponder: Sendable {
    /// Answers one request; thrown `HTTPError`s become their response, any other error a 500 `internal_error`.
    func respond(to request: HTTPRequest, context: RequestContext) throws -> HTTPResponse

    /// Whether this request may be answered on the event loop itself: only for handlers that never block.
    func runsInline(_ head: HTTPRequestHead) -> Bool
}

extension HTTPResponder {
    /// By default every request runs on a worker thread.
    public func runsInline(_ head: HTTPRequestHead) -> Bool { false }
}
