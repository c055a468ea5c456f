/// What the server knows about a request beyond its bytes: its id, the route's parameters, the peer.
///
/// It is also the default context of routers (`Router` is `HTTPRouter<RequestContext>`); applications that need
/// middleware to pass typed values to handlers declare their own `RequestContextProtocol` type around it.
public struct RequestContext: RequestContextProtocol {
    /// The request id: a sane incoming `X-Request-ID`, or one the server generated; echoed in the response.
    public var requestID: String
    /// Parameters captured by the matched route pattern (`:name` segments).
    public var parameters: RouteParameters
    /// The peer's numeric address, e.g. `"127.0.0.1"`.
    public var remoteAddress: String
    /// The client's numeric address: the peer's, or, when the peer is one of the server's `trustedProxies`, the
    /// address its `X-Forwarded-For` names (`ClientAddress`). What logs and per-client limits should key on.
    public var clientAddress: String
    /// The serving server's workers, read on demand; nil for a context made outside a server.
    var workers: WorkerPool?
    /// The serving server's log (its access and error lines); nil for a context made outside a server.
    var logger: AccessLogger?
    /// Where `identify(user:)` writes for the access log; nil for a context made outside a server.
    var notes: RequestNotes?

    /// Creates a context (the server makes one per request; tests may make their own).
    public init(
        requestID: String, parameters: RouteParameters = RouteParameters(), remoteAddress: String = "",
        clientAddress: String? = nil
    ) {
        self.requestID = requestID
        self.parameters = parameters
        self.remoteAddress = remoteAddress
        self.clientAddress = clientAddress ?? remoteAddress
    }

    /// The server's context for a request.
    init(
        requestID: String, remoteAddress: String, clientAddress: String, workers: WorkerPool, logger: AccessLogger,
        notes: RequestNotes
    ) {
        self.init(requestID: requestID, remoteAddress: remoteAddress, clientAddress: clientAddress)
        self.workers = workers
        self.logger = logger
        self.notes = notes
    }

    /// Names the authenticated user in this request's access-log entry: an opaque id (a staff id), never a name,
    /// an address or a token. Does nothing for a context made outside a server.
    public func identify(user id: String) {
        notes?.setUser(id)
    }

    /// The serving server's worker load now (e.g. for `/readyz`); nil when no server made this context.
    public var workerSaturation: WorkerSaturation? { workers?.saturation }

    /// Writes one line to the serving server's log, beside its access and error lines (through the same bounded
    /// buffer: never blocks, dropped and counted when full); nothing for a context made outside a server. Control
    /// characters and line separators become spaces, so a line can neither be split nor forged. The caller keeps secrets and personal
    /// data out of it.
    public func log(_ message: String) {
        let line = message.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: " "
            default: scalar
            }
        }
        logger?.log(.warning, String(String.UnicodeScalarView(line)))
    }

    /// The context itself: a router of the default context hands handlers what the server made.
    public init(core: RequestContext) {
        self = core
    }

    /// The context itself (the protocol's server part).
    public var core: RequestContext {
        get { self }
        set { self = newValue }
    }
}

/// The values a route pattern captured, by name.
public struct RouteParameters: Sendable, Sequence {
    private var values: [(name: String, value: String)]

    /// Creates a parameter list (the router fills it).
    public init(_ values: [(name: String, value: String)] = []) {
        self.values = values
    }

    /// The value captured for `name`, or nil when the route has no such parameter.
    public subscript(name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    /// The value captured for `name`; throws a 500 `internal_error` when the route has no such parameter.
    public func require(_ name: String) throws(HTTPError) -> String {
        guard let value = self[name] else {
            throw HTTPError(
                .internalServerError, code: "internal_error", message: "The server failed to handle the request.")
        }
        return value
    }

    /// Iterates over `(name, value)` pairs in pattern order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        values.makeIterator()
    }

    mutating func append(name: String, value: String) {
        values.append((name, value))
    }
}
