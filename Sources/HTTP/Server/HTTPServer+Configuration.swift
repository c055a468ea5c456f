import Foundation

extension HTTPServer {
    /// Every limit and knob of the server, each with a documented default (see docs/http.md).
    public struct Configuration: Sendable {
        /// Numeric IPv4 or IPv6 address to bind. Default `127.0.0.1`.
        public var host = "127.0.0.1"
        /// TCP port; 0 binds an ephemeral port (returned by `start()`). Default 8080.
        public var port = 8080
        /// Pending-connection queue length passed to `listen`. Default 1024.
        public var listenBacklog = 1024
        /// Event-loop threads (epoll each). Default: the number of active processors.
        public var eventLoopCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// Worker threads running handlers (which may block on the database). Default 16.
        public var workerCount = 16
        /// Requests that may wait for a worker; beyond it the answer is 503 `overloaded`. Default 256.
        public var workerQueueLength = 256
        /// `Retry-After` seconds sent with 503 `overloaded`. Default 1.
        public var retryAfterSeconds = 1
        /// Open connections at which accepting pauses (it resumes below). Default 1024.
        public var maxConnections = 1024
        /// Header block limit (431). Default 16 KiB.
        public var maxHeaderBytes = 16 * 1024
        /// Request-target limit (414). Default 8 KiB.
        public var maxTargetBytes = 8 * 1024
        /// Body limit (413). Default 1 MiB.
        public var maxBodyBytes = 1 << 20
        /// Header field count limit (431). Default 100.
        public var maxHeaderCount = 100
        /// Time from a request's first byte to the end of its header block; then the connection is closed. Default 10 s.
        public var headerTimeout: Duration = .seconds(10)
        /// Longest silence while a request body is being received. Default 10 s.
        public var bodyIdleTimeout: Duration = .seconds(10)
        /// Longest time from the end of a request's head to the end of its body, however steadily the bytes come;
        /// then the connection is closed. Default 60 s.
        public var bodyTimeout: Duration = .seconds(60)
        /// Slowest average rate (bytes per second since the head ended) a body may arrive at once
        /// `bodyRateGracePeriod` has passed; slower, the connection is closed. 0 turns the check off. Default 1024.
        public var minBodyBytesPerSecond = 1024
        /// Time a body gets before its average rate is checked. Default 5 s.
        public var bodyRateGracePeriod: Duration = .seconds(5)
        /// Bytes of request bodies all connections together may hold. A declared `Content-Length` is reserved
        /// before the body is read and a chunked body as it grows; a request that does not fit gets 503
        /// `overloaded` with `Retry-After` and the connection is closed. Default 32 MiB.
        public var maxBufferedBodyBytes = 32 << 20
        /// Bytes of a streaming request body (routes registered with `streamingBodyLimit`) the server holds per
        /// request before it stops reading the socket until the handler has consumed them; reserved from
        /// `maxBufferedBodyBytes` for the request's whole life. Default 256 KiB.
        public var streamingBodyBufferBytes = 256 * 1024
        /// `bodyTimeout` for streaming request bodies, which may be far larger than buffered ones (time the server
        /// spends not reading because the handler is behind does not count). Default 600 s.
        public var streamingBodyTimeout: Duration = .seconds(600)
        /// Longest silence between requests on a kept-alive connection (and before the first). Default 15 s.
        public var keepAliveTimeout: Duration = .seconds(15)
        /// Longest time a response may make no progress because the client does not read. Default 30 s.
        public var writeTimeout: Duration = .seconds(30)
        /// Bound on `shutdown()`: in-flight requests get this long, then connections are closed. Default 10 s.
        public var shutdownTimeout: Duration = .seconds(10)
        /// Outbound bytes above which a streaming writer blocks and pipelined input is not read. Default 256 KiB.
        public var outboundHighWaterBytes = 256 * 1024
        /// Bytes read per `read` call (one buffer per event loop). Default 64 KiB.
        public var readBufferBytes = 64 * 1024
        /// Header fields added to every response that does not set a field of the same name itself (including the
        /// server's own errors). Default `X-Content-Type-Options: nosniff`.
        public var defaultResponseHeaders: HTTPHeaders = ["X-Content-Type-Options": "nosniff"]
        /// Where access-log lines go. Default standard error.
        public var accessLog: AccessLogSink = .standardError
        /// Access-log lines buffered for the log thread; beyond it lines are dropped and counted. Default 16384.
        public var accessLogBufferLines = 16_384
        /// How log lines are written: text, or one JSON object per line. Default `.text`.
        public var logFormat = LogFormat.text
        /// Peers whose `X-Forwarded-For` is believed when working out `RequestContext.clientAddress` (the reverse
        /// proxies in front of the server). Default none: the peer is the client.
        public var trustedProxies: [IPNetwork] = []

        /// The default configuration.
        public init() {}

        var parserLimits: HTTPParser.Limits {
            var limits = HTTPParser.Limits()
            limits.maxHeaderBytes = maxHeaderBytes
            limits.maxTargetBytes = maxTargetBytes
            limits.maxBodyBytes = maxBodyBytes
            limits.maxHeaderCount = maxHeaderCount
            return limits
        }
    }
}

extension Duration {
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
