/// Turns a request into a response; the whole server design hangs on this one method.
public protocol HTTPResponder: Sendable {
    /// Answers one request; thrown `HTTPError`s become their response, any other error a 500 `internal_error`.
    func respond(to request: HTTPRequest, context: RequestContext) throws -> HTTPResponse

    /// Whether this request may be answered on the event loop itself: only for handlers that never block.
    func runsInline(_ head: HTTPRequestHead) -> Bool

    /// What the server learns of a request's route before running it, on the event loop: where to run it, and the
    /// route's template for metrics and logs. Asked once per request.
    func route(for head: HTTPRequestHead) -> ResponderRoute
}

extension HTTPResponder {
    /// By default every request runs on a worker thread.
    public func runsInline(_ head: HTTPRequestHead) -> Bool { false }

    /// By default: `runsInline`, and no template (metrics count the request as `unmatched`).
    public func route(for head: HTTPRequestHead) -> ResponderRoute {
        ResponderRoute(template: nil, inline: runsInline(head))
    }
}

/// A request's route as the server sees it before running it.
public struct ResponderRoute: Sendable, Equatable {
    /// The matched route's template with group prefixes (`/v1/requests/:tracking`), nil when no route matched.
    public var template: String?
    /// Whether the handler may run on the event loop (it never blocks).
    public var inline: Bool
    /// For a route registered with a streaming body: the most body bytes it accepts. The handler then runs as soon
    /// as the head is parsed and reads the body from `HTTPRequest.bodyReader` as it arrives; nil: the body is
    /// buffered whole (up to `maxBodyBytes`) before the handler runs.
    public var streamingBodyLimit: Int?

    /// Creates a route description.
    public init(template: String?, inline: Bool, streamingBodyLimit: Int? = nil) {
        self.template = template
        self.inline = inline
        self.streamingBodyLimit = streamingBodyLimit
    }
}
