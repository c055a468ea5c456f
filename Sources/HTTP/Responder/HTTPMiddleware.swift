/// Wraps a responder: inspects or changes the request, calls `next`, inspects or changes the response.
///
/// `Context` is the router's context type; a middleware written for `RequestContext` (the default) fits
/// `Router`, one written for an application's context can set that context's typed values for the handlers.
public protocol HTTPMiddleware<Context>: Sendable {
    /// The context type of the routers this middleware can be added to.
    associatedtype Context: RequestContextProtocol = RequestContext

    /// Handles one request, usually by calling `next` with the (possibly changed) request and context.
    func handle(
        _ request: HTTPRequest,
        context: Context,
        next: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse
}
