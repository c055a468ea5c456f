/// What a router's middleware and handlers receive with each request: the server's `RequestContext` as `core`,
/// plus whatever typed values the application declares.
///
/// Middleware hands values to handlers through the context's own stored properties, so handlers read them with
/// their types and no casts:
/// ```swift
/// struct StaffContext: RequestContextProtocol {
///     var core: RequestContext
///     var caller: StaffMember?          // set by an authentication middleware
///     init(core: RequestContext) { self.core = core }
/// }
/// let router = HTTPRouter<StaffContext>()
/// ```
public protocol RequestContextProtocol: Sendable {
    /// Makes the context of one request from what the server knows of it (request id, peer).
    init(core: RequestContext)
    /// The server's part: request id, the route's parameters, the peer.
    var core: RequestContext { get set }
}

extension RequestContextProtocol {
    /// The request id (see `RequestContext.requestID`).
    public var requestID: String { core.requestID }
    /// The parameters the matched route captured.
    public var parameters: RouteParameters {
        get { core.parameters }
        set { core.parameters = newValue }
    }
    /// The peer's numeric address.
    public var remoteAddress: String { core.remoteAddress }
    /// The client's numeric address, through trusted proxies (see `RequestContext.clientAddress`).
    public var clientAddress: String { core.clientAddress }
}
