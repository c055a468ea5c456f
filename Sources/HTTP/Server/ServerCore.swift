import Synchronization

/// What every event loop and worker of one server shares: settings, the responder, the pool, the log.
final class ServerCore: Sendable {
    let configuration: HTTPServer.Configuration
    let responder: any HTTPResponder
    let pool: WorkerPool
    let logger: AccessLogger
    let metrics = HTTPMetrics()
    let openConnections = Atomic<Int>(0)
    /// Bytes of request bodies reserved by all connections (see `maxBufferedBodyBytes`).
    let bufferedBodyBytes = Atomic<Int>(0)
    let limits: HTTPParser.Limits
    let timeouts: Timeouts

    /// The configured timeouts in monotonic nanoseconds, converted once rather than per request.
    struct Timeouts: Sendable {
        let header: UInt64
        let bodyIdle: UInt64
        let body: UInt64
        let streamingBody: UInt64
        let bodyRateGrace: UInt64
        let keepAlive: UInt64
        let write: UInt64
    }

    init(configuration: HTTPServer.Configuration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
        self.pool = WorkerPool(threads: configuration.workerCount, queueLength: configuration.workerQueueLength)
        self.logger = AccessLogger(
            sink: configuration.accessLog, capacity: configuration.accessLogBufferLines, format: configuration.logFormat
        )
        self.limits = configuration.parserLimits
        self.timeouts = Timeouts(
            header: configuration.headerTimeout.nanoseconds,
            bodyIdle: configuration.bodyIdleTimeout.nanoseconds,
            body: configuration.bodyTimeout.nanoseconds,
            streamingBody: configuration.streamingBodyTimeout.nanoseconds,
            bodyRateGrace: configuration.bodyRateGracePeriod.nanoseconds,
            keepAlive: configuration.keepAliveTimeout.nanoseconds,
            write: configuration.writeTimeout.nanoseconds
        )
    }

    /// The parser's per-request body limit: a streaming route's own, else nil (the configured `maxBodyBytes`).
    var bodyLimit: @Sendable (HTTPRequestHead) -> Int? {
        let responder = responder
        return { head in responder.route(for: head).streamingBodyLimit }
    }

    /// Reserves `bytes` of the body budget; false (nothing reserved) when they do not fit.
    func reserveBody(_ bytes: Int) -> Bool {
        let total = bufferedBodyBytes.add(bytes, ordering: .relaxed).newValue
        if total <= configuration.maxBufferedBodyBytes { return true }
        bufferedBodyBytes.subtract(bytes, ordering: .relaxed)
        return false
    }

    /// Gives back a reservation made with `reserveBody`.
    func releaseBody(_ bytes: Int) {
        if bytes > 0 { bufferedBodyBytes.subtract(bytes, ordering: .relaxed) }
    }

    /// Runs the responder; errors become responses here and only here (other errors: 500 without details).
    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        do {
            return try responder.respond(to: request, context: context)
        } catch let error as HTTPError {
            return error.response
        } catch {
            // One line per error: control characters in the description would forge or split log lines.
            let detail = String(String(describing: error).unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
            // The path only: the query may carry an API key or personal data. JSON lines leave the path out too,
            // as their access lines do (it may name a request); the request id links the two.
            logger.log(
                .error,
                text: "error request_id=\(context.requestID) \(request.method) \(request.head.rawPath): \(detail)",
                message: "\(request.method) failed: \(detail)", requestID: context.requestID)
            return HTTPError.unexpected.response
        }
    }
}
