extension EventLoop {
    /// Moves a connection forward as far as it can go without blocking: write, pump a stream, parse, read.
    func drive(_ connection: Connection) {
        while connection.isOpen {
            guard flush(connection) else { return }
            switch connection.phase {
            case .closing:
                guard connection.pendingOutput == 0 else { return }
                guard connection.drainBeforeClose else {
                    close(connection)
                    return
                }
                Posix.shutdownWrite(connection.fd)
                connection.phase = .draining
                connection.readDeadline = now + EventLoop.drainTimeout
                continue
            case .draining:
                drain(connection)
                return
            case .waiting:
                return
            case .streaming(let sink):
                guard connection.pendingOutput == 0 else { return }
                if !pump(sink, into: connection) { return }
                continue
            case .streamingBody(let stream):
                // The handler is behind: stop reading (the kernel's window then slows the client) until it drains.
                if stream.isFull {
                    if connection.bodyPausedAt == 0 { connection.bodyPausedAt = now }
                    return
                }
            case .idle, .head, .body:
                break
            }
            // Pipelined input waits while unsent output is above the high-water mark.
            if connection.pendingOutput >= core.configuration.outboundHighWaterBytes { return }
            if case .progressed = parse(connection) { continue }
            if connection.readable && read(connection) { continue }
            // Output produced while parsing (e.g. 100 Continue) must not wait for the next event.
            if connection.isOpen { _ = flush(connection) }
            return
        }
    }

    enum ParseOutcome {
        case progressed
        case needsBytes
    }

    /// Runs the parser over buffered bytes until it needs more, a request is dispatched, or it fails.
    private func parse(_ connection: Connection) -> ParseOutcome {
        while true {
            let event: HTTPParser.Event?
            do {
                event = try connection.parser.next()
            } catch {
                if case .streamingBody(let stream) = connection.phase {
                    // The handler already runs: it answers, with the parser's error from its reader if it lets it
                    // through; the connection closes after that answer.
                    stream.fail(
                        HTTPError(HTTPResponseStatus(code: error.status), code: error.code, message: error.reason))
                    connection.closeAfterResponse = true
                    connection.phase = .waiting
                    connection.readDeadline = 0
                    return .progressed
                }
                rejectUnparsable(error, on: connection)
                return .progressed
            }
            guard let event else { return .needsBytes }
            switch event {
            case .head(let head):
                let route = core.responder.route(for: head)
                connection.route = route
                connection.head = head
                connection.body = []
                connection.bodyReceived = 0
                connection.bodyPausedAt = 0
                connection.phase = .body
                connection.readDeadline = now + core.timeouts.bodyIdle
                connection.bodyStarted = now
                if route.streamingBodyLimit != nil {
                    startStreamingBody(head, route: route, on: connection)
                    if case .streamingBody = connection.phase { continue }
                    return .progressed
                }
                if let length = head.contentLength, length > 0 {
                    // Reserved before a byte of the body is read (and before 100 Continue invites it).
                    guard core.reserveBody(length) else {
                        refuseBody(on: connection)
                        return .progressed
                    }
                    connection.reservedBodyBytes = length
                    connection.body.reserveCapacity(length)
                }
                // RFC 9110 §10.1.1: the client waits for this before sending the body; a too-large declared
                // length never gets here (the parser already answered 413).
                if head.expectsContinue && head.version == .http11 {
                    connection.output.append(contentsOf: ResponseEncoder.continueResponse)
                }
            case .body(let bytes):
                connection.bodyReceived += bytes.count
                if case .streamingBody(let stream) = connection.phase {
                    stream.push(bytes)
                    continue
                }
                if connection.head?.isChunked == true {
                    // A chunked body has no length up front: it is reserved as it grows.
                    guard core.reserveBody(bytes.count) else {
                        refuseBody(on: connection)
                        return .progressed
                    }
                    connection.reservedBodyBytes += bytes.count
                }
                connection.body.append(contentsOf: bytes)
            case .end:
                if case .streamingBody(let stream) = connection.phase {
                    stream.finish()
                    connection.phase = .waiting
                    connection.readDeadline = 0
                    connection.bodyStarted = 0
                    return .progressed
                }
                dispatch(connection)
                return .progressed
            }
        }
    }

    /// Reads and drops what a client still sends after its answer, until it stops (then closes) or would block.
    private func drain(_ connection: Connection) {
        while connection.readable {
            let result: IOResult<Int>
            do {
                result = try Posix.read(connection.fd, into: readBuffer)
            } catch {
                close(connection)
                return
            }
            guard case .done(let count) = result else {
                connection.readable = false
                return
            }
            if count == 0 {
                close(connection)
                return
            }
        }
    }

    /// Reads once; false when the connection closed or there is nothing more to read for now.
    private func read(_ connection: Connection) -> Bool {
        let result: IOResult<Int>
        do {
            result = try Posix.read(connection.fd, into: readBuffer)
        } catch {
            close(connection)
            return false
        }
        guard case .done(let count) = result else {
            connection.readable = false
            return false
        }
        if count == 0 {
            // End of input: nothing more can complete a request, and a pending response already went out.
            close(connection)
            return false
        }
        // A short read drained the socket; edge-triggered epoll reports the next arrival, so skip the EAGAIN call.
        // Unless the peer already closed: that edge came with these bytes, and only a read returning 0 shows it.
        if count < readBuffer.count && !connection.peerClosed {
            connection.readable = false
        }
        connection.parser.feed(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        switch connection.phase {
        case .idle:
            connection.phase = .head
            connection.readDeadline = now + core.timeouts.header
        case .body, .streamingBody:
            connection.readDeadline = now + core.timeouts.bodyIdle
        default:
            break
        }
        return true
    }

    /// Writes buffered output until done or the socket is full; false when the connection was closed.
    func flush(_ connection: Connection) -> Bool {
        guard connection.pendingOutput > 0 else { return true }
        guard connection.writable else { return true }
        while connection.pendingOutput > 0 {
            let result: IOResult<Int>
            do {
                result = try connection.output.withUnsafeBytes { bytes throws(SystemCallError) in
                    try Posix.send(connection.fd, UnsafeRawBufferPointer(rebasing: bytes[connection.outputOffset...]))
                }
            } catch {
                close(connection)
                return false
            }
            guard case .done(let written) = result else {
                connection.writable = false
                if connection.writeDeadline == 0 {
                    connection.writeDeadline = now + core.timeouts.write
                }
                return true
            }
            connection.outputOffset += written
            connection.writeDeadline = now + core.timeouts.write
        }
        connection.writeDeadline = 0
        connection.outputOffset = 0
        // The wait for the next request starts once the last response is out, not when it was queued: a slow
        // reader of a large response is governed by the write timeout until then.
        switch connection.phase {
        case .idle: connection.readDeadline = now + core.timeouts.keepAlive
        case .head: connection.readDeadline = now + core.timeouts.header
        default: break
        }
        // Keep a modest buffer for the next response; give back what a large one grew.
        if connection.output.capacity > 1 << 20 {
            connection.output = []
        } else {
            connection.output.removeAll(keepingCapacity: true)
        }
        return true
    }
}
