/// One client connection's state; owned and touched only by its event loop's thread.
final class Connection {
    enum Phase {
        /// Between requests: nothing of the next request received yet.
        case idle
        /// Part of a request's header block received; the header deadline runs.
        case head
        /// Head parsed, body being received.
        case body
        /// Head parsed and already with a worker, which reads the body from `stream` while it is received.
        case streamingBody(BodyStream)
        /// The request is with a worker; input waits (in the parser and the kernel) until it answers.
        case waiting
        /// A streamed body is being sent from a worker through `sink`.
        case streaming(StreamSink)
        /// The last response is being flushed; then the connection closes.
        case closing
        /// The response went out before the request body ended: our side is shut, and what the client still sends
        /// is read and dropped until it stops or `readDeadline`, so that closing does not reset the connection
        /// under the response (RFC 9112 §9.6, "tear-down").
        case draining
    }

    /// The request being answered (for framing the response and the access log).
    struct Exchange {
        var method: String
        /// The raw request-target; the log shows its path part (the decoded path could carry control bytes).
        var target: String
        var version: HTTPVersion
        var keepAlive: Bool
        var requestID: String
        var started: UInt64
        var bodyBytes = 0
        var status = 0
        var chunked = false
        /// A streamed body's declared length (`HTTPResponse.streamLength`), checked when the writer ends.
        var declaredLength: Int?
        /// The matched route's template, for metrics and the log; nil when no route matched.
        var route: String?
        /// What the handler noted for the log (the user), shared with its context.
        var notes: RequestNotes?
    }

    let id: UInt64
    let fd: Int32
    let remoteAddress: String
    var parser: HTTPParser
    var phase = Phase.idle
    var head: HTTPRequestHead?
    /// The route of the request being read, asked once its head is parsed.
    var route: ResponderRoute?
    var body: [UInt8] = []
    /// Body bytes of the current request received so far (for the minimum-rate check).
    var bodyReceived = 0
    /// When the loop stopped reading a streaming body because its buffer was full (monotonic ns; 0 = reading):
    /// that wait is the server's, so the body deadlines do not run during it.
    var bodyPausedAt: UInt64 = 0
    /// Bytes of the server's body budget this connection holds (given back when its exchange ends or it closes).
    var reservedBodyBytes = 0
    /// When the current body started (monotonic ns), for the whole-body deadline and the rate check.
    var bodyStarted: UInt64 = 0
    var exchange: Exchange?

    var output: [UInt8] = []
    var outputOffset = 0
    /// Edge-triggered readiness we have not yet consumed.
    var readable = false
    var writable = true
    /// The peer closed its side (EPOLLRDHUP): reads continue until one returns 0, then the connection closes.
    var peerClosed = false
    /// Close through `draining` rather than at once: the client may still be sending a body nobody reads.
    var drainBeforeClose = false
    var closeAfterResponse = false
    /// False once closed: the descriptor number may already belong to someone else.
    var isOpen = true

    /// When the current read phase gives up (monotonic ns; 0 = none).
    var readDeadline: UInt64 = 0
    /// When unsent output that makes no progress gives up (monotonic ns; 0 = none).
    var writeDeadline: UInt64 = 0

    init(
        id: UInt64, fd: Int32, remoteAddress: String, limits: HTTPParser.Limits,
        bodyLimit: @escaping @Sendable (HTTPRequestHead) -> Int?
    ) {
        self.id = id
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.parser = HTTPParser(limits: limits, bodyLimit: bodyLimit)
    }

    var pendingOutput: Int { output.count - outputOffset }

    /// Whether a worker has the request and may answer it (a streaming body may still be arriving).
    var isWaitingForWorker: Bool {
        switch phase {
        case .waiting, .streamingBody: true
        default: false
        }
    }

    var isReadingRequest: Bool {
        switch phase {
        case .idle, .head, .body: true
        case .streamingBody: bodyPausedAt == 0
        case .waiting, .streaming, .closing, .draining: false
        }
    }
}
