extension EventLoop {
    /// Hands a complete request to the responder: inline for non-blocking routes, otherwise to a worker.
    func dispatch(_ connection: Connection) {
        guard let head = connection.head else { return }
        let request = HTTPRequest(head: head, body: connection.body)
        connection.head = nil
        connection.body = []
        connection.phase = .waiting
        connection.readDeadline = 0
        run(request, route: connection.route ?? core.responder.route(for: head), on: connection)
    }

    /// Hands a request whose route streams its body to a worker as soon as its head is parsed; the loop then keeps
    /// reading the body into the reader's buffer. When the body budget cannot hold that buffer: 503, as for a
    /// buffered body.
    func startStreamingBody(_ head: HTTPRequestHead, route: ResponderRoute, on connection: Connection) {
        // What the stream may hold at most: its capacity, overshot by one read at most.
        let reservation = core.configuration.streamingBodyBufferBytes + core.configuration.readBufferBytes
        guard core.reserveBody(reservation) else {
            refuseBody(on: connection)
            return
        }
        connection.reservedBodyBytes = reservation
        connection.head = nil
        let id = connection.id
        let stream = BodyStream(
            capacity: core.configuration.streamingBodyBufferBytes,
            waitLimit: Double(core.timeouts.streamingBody) / 1e9
        ) { [self] in post(.bodyDrained(connection: id)) }
        connection.phase = .streamingBody(stream)
        // RFC 9110 §10.1.1; a declared length above the route's limit never gets here (the parser answered 413).
        if head.expectsContinue && head.version == .http11 {
            connection.output.append(contentsOf: ResponseEncoder.continueResponse)
        }
        run(HTTPRequest(head: head, bodyReader: HTTPBodyReader(stream: stream)), route: route, on: connection)
    }

    /// A worker answered while the body it streams was still arriving: the rest is never read, so the
    /// connection closes after the answer.
    func abandonStreamingBody(of connection: Connection) {
        guard case .streamingBody(let stream) = connection.phase else { return }
        stream.fail(.incompleteBody)
        connection.closeAfterResponse = true
        connection.drainBeforeClose = true
        connection.bodyPausedAt = 0
    }

    /// Runs `request` on the event loop (inline routes) or a worker, and delivers its answer.
    private func run(_ request: HTTPRequest, route: ResponderRoute, on connection: Connection) {
        let head = request.head
        let requestID = requestIDs.id(incoming: head.headers.first(name: "X-Request-ID"))
        let notes = RequestNotes()
        connection.exchange = Connection.Exchange(
            method: head.method, target: head.target, version: head.version, keepAlive: head.keepAlive,
            requestID: requestID, started: now, route: route.template, notes: notes
        )
        let clientAddress = ClientAddress.resolve(
            peer: connection.remoteAddress, forwardedFor: head.headers["X-Forwarded-For"],
            trusted: core.configuration.trustedProxies)
        let context = RequestContext(
            requestID: requestID, remoteAddress: connection.remoteAddress, clientAddress: clientAddress,
            workers: core.pool, logger: core.logger, notes: notes)
        if route.inline && request.bodyReader == nil {
            let response = core.respond(to: request, context: context)
            if case .stream(let writer) = response.body {
                runStreamOnWorker(response, writer: writer, on: connection)
            } else {
                deliver(response, on: connection)
            }
            return
        }
        let core = self.core
        let id = connection.id
        let isHead = head.method == "HEAD"
        let chunked = head.version != .http10
        let submitted = core.pool.submit { [self] in
            let response = core.respond(to: request, context: context)
            guard case .stream(let writer) = response.body else {
                post(.response(connection: id, response))
                return
            }
            let sink = makeSink(for: id, chunked: chunked && response.streamLength == nil)
            post(.streamStart(connection: id, response, sink))
            if isHead {
                sink.finish(ok: true)
            } else {
                Self.run(writer, into: sink)
            }
        }
        if !submitted {
            abandonStreamingBody(of: connection)
            deliver(
                HTTPError.overloaded(retryAfterSeconds: core.configuration.retryAfterSeconds).response, on: connection)
        }
    }

    private func makeSink(for id: UInt64, chunked: Bool) -> StreamSink {
        StreamSink(
            highWater: core.configuration.outboundHighWaterBytes,
            waitLimit: core.timeouts.write,
            chunked: chunked
        ) { [self] in post(.streamReady(connection: id)) }
    }

    /// Runs a body writer on the calling worker thread; a throw ends the stream as failed (the client sees a cut).
    private static func run(_ writer: @Sendable (HTTPBodyWriter) throws -> Void, into sink: StreamSink) {
        do {
            try writer(HTTPBodyWriter(sink: sink))
            sink.finish(ok: true)
        } catch {
            sink.finish(ok: false)
        }
    }

    /// An inline handler returned a stream: the writer still runs on a worker, never on the loop.
    private func runStreamOnWorker(
        _ response: HTTPResponse, writer: @escaping @Sendable (HTTPBodyWriter) throws -> Void, on connection: Connection
    ) {
        let sink = makeSink(
            for: connection.id, chunked: connection.exchange?.version != .http10 && response.streamLength == nil)
        let isHead = connection.exchange?.method == "HEAD"
        let submitted = isHead || core.pool.submit { Self.run(writer, into: sink) }
        if submitted {
            startStream(response, sink: sink, on: connection)
        } else {
            deliver(
                HTTPError.overloaded(retryAfterSeconds: core.configuration.retryAfterSeconds).response, on: connection)
        }
    }

    /// Queues a complete response (bytes body) and ends the exchange.
    func deliver(_ response: HTTPResponse, on connection: Connection) {
        guard var exchange = connection.exchange else { return }
        let bytes: [UInt8]
        if case .bytes(let body) = response.body { bytes = body } else { bytes = [] }
        let close = shouldClose(after: exchange, connection: connection)
        let sendsBody = !response.status.forbidsBody
        dates.refresh()
        ResponseEncoder.appendHead(
            status: response.status, headers: response.headers, defaults: core.configuration.defaultResponseHeaders,
            framing: sendsBody ? .length(bytes.count) : .none,
            requestID: exchange.requestID, close: close, announceKeepAlive: exchange.version == .http10,
            dateLine: dates.headerLine, into: &connection.output
        )
        if sendsBody && exchange.method != "HEAD" {
            connection.output.append(contentsOf: bytes)
            exchange.bodyBytes = bytes.count
        }
        exchange.status = response.status.code
        connection.exchange = exchange
        finishExchange(on: connection, close: close)
    }

    /// Sends a streamed response's head; the body follows as the worker fills the sink.
    func startStream(_ response: HTTPResponse, sink: StreamSink, on connection: Connection) {
        guard var exchange = connection.exchange else { return }
        let chunked = exchange.version != .http10 && response.streamLength == nil
        let close = shouldClose(after: exchange, connection: connection) || (!chunked && response.streamLength == nil)
        let framing: ResponseEncoder.Framing =
            response.streamLength.map { .length($0) } ?? (chunked ? .chunked : .untilClose)
        dates.refresh()
        ResponseEncoder.appendHead(
            status: response.status, headers: response.headers, defaults: core.configuration.defaultResponseHeaders,
            framing: framing,
            requestID: exchange.requestID, close: close, announceKeepAlive: false,
            dateLine: dates.headerLine, into: &connection.output
        )
        exchange.status = response.status.code
        exchange.chunked = chunked
        exchange.declaredLength = response.streamLength
        connection.exchange = exchange
        if exchange.method == "HEAD" {
            sink.fail(.connectionClosed)
            finishExchange(on: connection, close: close)
            return
        }
        connection.closeAfterResponse = connection.closeAfterResponse || close
        connection.phase = .streaming(sink)
    }

    /// Moves what the worker wrote into the output; false when there is nothing to do until the worker writes.
    func pump(_ sink: StreamSink, into connection: Connection) -> Bool {
        switch sink.take() {
        case .bytes(let bytes):
            connection.output.append(contentsOf: bytes)
            connection.exchange?.bodyBytes += bytes.count
            return true
        case .nothing:
            return false
        case .end:
            if let declared = connection.exchange?.declaredLength, connection.exchange?.bodyBytes != declared {
                // Content-Length promised another size: cutting the connection is the only honest end.
                logExchange(connection.exchange, aborted: true)
                connection.exchange = nil
                close(connection)
                return false
            }
            if connection.exchange?.chunked == true {
                connection.output.append(contentsOf: ResponseEncoder.lastChunk)
            }
            finishExchange(on: connection, close: connection.closeAfterResponse)
            return true
        case .failed:
            // The head is out: the only honest signal left is to cut the body short.
            logExchange(connection.exchange, aborted: true)
            connection.exchange = nil
            close(connection)
            return false
        }
    }

    private func shouldClose(after exchange: Connection.Exchange, connection: Connection) -> Bool {
        !exchange.keepAlive || connection.closeAfterResponse || shutdownDeadline != nil
    }

    private func finishExchange(on connection: Connection, close: Bool) {
        logExchange(connection.exchange, aborted: false)
        connection.exchange = nil
        releaseBody(of: connection)
        if close {
            connection.phase = .closing
        } else if connection.parser.isMidMessage {
            connection.phase = .head
            connection.readDeadline = now + core.timeouts.header
        } else {
            connection.phase = .idle
            connection.readDeadline = now + core.timeouts.keepAlive
        }
    }

    /// The body budget cannot hold this request: 503 `overloaded` before its body is read, then the connection
    /// closes (the unread body makes it unusable).
    func refuseBody(on connection: Connection) {
        guard let head = connection.head else { return }
        releaseBody(of: connection)
        connection.head = nil
        connection.body = []
        connection.closeAfterResponse = true
        connection.exchange = Connection.Exchange(
            method: head.method, target: head.target, version: head.version, keepAlive: false,
            requestID: requestIDs.id(incoming: head.headers.first(name: "X-Request-ID")), started: now
        )
        deliver(
            HTTPError.overloaded(retryAfterSeconds: core.configuration.retryAfterSeconds).response, on: connection)
    }

    /// Gives the connection's share of the body budget back.
    func releaseBody(of connection: Connection) {
        core.releaseBody(connection.reservedBodyBytes)
        connection.reservedBodyBytes = 0
        connection.bodyStarted = 0
    }

    /// A parse error answers the parser's status as JSON with `Connection: close`, then closes.
    func rejectUnparsable(_ error: HTTPParseError, on connection: Connection) {
        let requestID = requestIDs.id(incoming: nil)
        let version = connection.head?.version ?? .http11
        connection.exchange = Connection.Exchange(
            method: connection.head?.method ?? "-", target: "-", version: version, keepAlive: false,
            requestID: requestID, started: now
        )
        let response = HTTPError(HTTPResponseStatus(code: error.status), code: error.code, message: error.reason)
            .response
        deliver(response, on: connection)
    }

    private func logExchange(_ exchange: Connection.Exchange?, aborted: Bool) {
        guard let exchange else { return }
        let microseconds = (Posix.monotonicNanoseconds() - exchange.started) / 1000
        core.metrics.record(
            route: exchange.route, method: exchange.method, status: exchange.status,
            seconds: Double(microseconds) / 1e6)
        guard core.logger.isEnabled else { return }
        core.logger.log(
            AccessLogRecord(
                method: exchange.method, target: exchange.target, status: exchange.status,
                bodyBytes: exchange.bodyBytes, microseconds: microseconds, requestID: exchange.requestID,
                aborted: aborted, route: exchange.route, user: exchange.notes?.user
            ))
    }
}
