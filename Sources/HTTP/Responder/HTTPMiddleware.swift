/// Wraps a responder: inspects or changes the request, calls `next`, inspects or changes the response.
public protocol HTTPMiddleware: Sendable {
    /// Handles one request, usually by calling `next` with the (possibly changed) request and context.
    func handle(
        _ request: HTTPRequest,
        context: RequestContext,
        next: (HTTPRequest, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse
}
