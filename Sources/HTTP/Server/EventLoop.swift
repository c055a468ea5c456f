import CNafidhaLinux
import Foundation
import Synchronization

/// Work handed to an event loop from other threads (acceptor, workers, `shutdown()`).
enum LoopTask: Sendable {
    case adopt(fd: Int32, remoteAddress: String)
    case response(connection: UInt64, HTTPResponse)
    case streamStart(connection: UInt64, HTTPResponse, StreamSink)
    case streamReady(connection: UInt64)
    /// A worker emptied a streaming request body's full buffer: read the socket again.
    case bodyDrained(connection: UInt64)
    case resumeAccept
    case shutdown(deadline: UInt64)
}

/// One epoll thread that owns its connections: reads, parses, answers inline or hands requests to workers, writes.
///
/// Loop 0 also owns the listening socket and deals accepted connections round-robin to all loops.
final class EventLoop: @unchecked Sendable {
    // Unchecked because every stored `var` is touched only by the loop's own thread (started in `start()`);
    // `inbox`, a Mutex, is the only state other threads reach.
    static let listenerToken: UInt64 = 0
    static let wakeToken: UInt64 = 1
    static let sweepInterval: UInt64 = 100_000_000
    /// How long a connection answered before its body ended keeps reading and dropping that body (2 s).
    static let drainTimeout: UInt64 = 2_000_000_000

    let index: Int
    let core: ServerCore
    let epoll: Int32
    let wakeFD: Int32
    private let inbox = Mutex(Inbox())

    /// Bounded without a count of its own: each connection has at most one request with a worker (one response
    /// or stream start, plus one wake-up per drained stream buffer), and adoptions are capped by `maxConnections`.
    private struct Inbox {
        var tasks: [LoopTask] = []
        /// Set as the loop exits: later posts must not signal an eventfd number that may have been reused.
        var isClosed = false
    }
    private let finished = DispatchSemaphore(value: 0)

    /// All loops of the server (set once before any thread starts; loop 0 deals connections to them).
    var peers: [EventLoop] = []
    var listenFD: Int32 = -1
    var acceptPaused = false
    var nextPeer = 0
    var connections: [UInt64: Connection] = [:]
    var nextID: UInt64 = 2
    let readBuffer: UnsafeMutableRawBufferPointer
    var dates = DateCache()
    var requestIDs = RequestIdentifier()
    var now: UInt64 = 0
    var nextSweep: UInt64 = 0
    var shutdownDeadline: UInt64?

    init(index: Int, core: ServerCore) throws(SystemCallError) {
        self.index = index
        self.core = core
        epoll = try Posix.epollCreate()
        do {
            wakeFD = try Posix.eventFD()
            try Posix.epollAdd(epoll, fd: wakeFD, events: NAFIDHA_EPOLLIN, token: Self.wakeToken)
        } catch {
            Posix.close(epoll)
            throw error
        }
        readBuffer = .allocate(byteCount: max(4096, core.configuration.readBufferBytes), alignment: 16)
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "http-loop-\(index)"
        thread.start()
    }

    /// Releases the descriptors and buffer of a loop whose thread never started (a failed `HTTPServer.start()`).
    func releaseUnstarted() {
        readBuffer.deallocate()
        Posix.close(wakeFD)
        Posix.close(epoll)
    }

    /// Blocks until the loop thread has exited (after a `.shutdown` task).
    func waitUntilFinished() {
        finished.wait()
    }

    /// Queues a task and wakes the loop if the inbox was empty (one eventfd write per batch, not per task).
    func post(_ task: LoopTask) {
        let (accepted, wasEmpty) = inbox.withLock { inbox in
            if inbox.isClosed { return (false, false) }
            let wasEmpty = inbox.tasks.isEmpty
            inbox.tasks.append(task)
            return (true, wasEmpty)
        }
        if !accepted {
            discard(task)
        } else if wasEmpty {
            Posix.signalEventFD(wakeFD)
        }
    }

    /// Releases what a task posted too late still holds (the loop has exited).
    private func discard(_ task: LoopTask) {
        switch task {
        case .adopt(let fd, _):
            Posix.close(fd)
            connectionClosed()
        case .streamStart(_, _, let sink):
            sink.fail(.connectionClosed)
        case .response, .streamReady, .bodyDrained, .resumeAccept, .shutdown:
            break
        }
    }

    private func run() {
        let events = UnsafeMutableBufferPointer<nafidha_epoll_event>.allocate(capacity: 256)
        defer {
            let leftovers = inbox.withLock { inbox in
                inbox.isClosed = true
                return inbox.tasks
            }
            leftovers.forEach(discard)
            events.deallocate()
            readBuffer.deallocate()
            Posix.close(wakeFD)
            Posix.close(epoll)
            finished.signal()
        }
        while true {
            // Deadlines are swept on a 100 ms tick while connections exist; an empty loop sleeps until woken.
            let timeout: Int32 = connections.isEmpty && shutdownDeadline == nil && !acceptPaused ? -1 : 100
            let count: Int
            do {
                count = try Posix.epollWait(epoll, into: events, timeoutMilliseconds: timeout)
            } catch {
                core.logger.log(.error, "event loop \(index): \(error)")
                return
            }
            now = Posix.monotonicNanoseconds()
            for event in events[0..<count] {
                switch event.data {
                case Self.listenerToken: acceptConnections()
                case Self.wakeToken: Posix.drainEventFD(wakeFD)
                default: handle(event)
                }
            }
            runTasks()
            if now >= nextSweep {
                nextSweep = now + Self.sweepInterval
                sweep()
            }
            if let deadline = shutdownDeadline, connections.isEmpty || now >= deadline {
                for connection in Array(connections.values) {
                    close(connection)
                }
                return
            }
        }
    }

    private func runTasks() {
        let tasks = inbox.withLock { inbox in
            let taken = inbox.tasks
            inbox.tasks.removeAll(keepingCapacity: true)
            return taken
        }
        for task in tasks {
            switch task {
            case .adopt(let fd, let remoteAddress):
                adopt(fd: fd, remoteAddress: remoteAddress)
            case .response(let id, let response):
                if let connection = connections[id], connection.isWaitingForWorker {
                    abandonStreamingBody(of: connection)
                    deliver(response, on: connection)
                    drive(connection)
                }
            case .streamStart(let id, let response, let sink):
                if let connection = connections[id], connection.isWaitingForWorker {
                    abandonStreamingBody(of: connection)
                    startStream(response, sink: sink, on: connection)
                    drive(connection)
                } else {
                    sink.fail(.connectionClosed)
                }
            case .streamReady(let id):
                if let connection = connections[id] {
                    drive(connection)
                }
            case .bodyDrained(let id):
                if let connection = connections[id], case .streamingBody = connection.phase,
                    connection.bodyPausedAt != 0
                {
                    // The deadlines resume where they stopped: the pause was the server's, not the client's.
                    connection.bodyStarted += now &- connection.bodyPausedAt
                    connection.bodyPausedAt = 0
                    connection.readDeadline = now + core.timeouts.bodyIdle
                    drive(connection)
                }
            case .resumeAccept:
                resumeAcceptingIfPossible()
            case .shutdown(let deadline):
                beginShutdown(deadline: deadline)
            }
        }
    }

    private func handle(_ event: nafidha_epoll_event) {
        guard let connection = connections[event.data] else { return }
        if event.events & NAFIDHA_EPOLLERR != 0 {
            close(connection)
            return
        }
        if event.events & (NAFIDHA_EPOLLIN | NAFIDHA_EPOLLRDHUP | NAFIDHA_EPOLLHUP) != 0 {
            connection.readable = true
        }
        if event.events & (NAFIDHA_EPOLLRDHUP | NAFIDHA_EPOLLHUP) != 0 {
            connection.peerClosed = true
        }
        if event.events & NAFIDHA_EPOLLOUT != 0 {
            connection.writable = true
        }
        drive(connection)
    }

    func adopt(fd: Int32, remoteAddress: String) {
        if shutdownDeadline != nil {
            Posix.close(fd)
            connectionClosed()
            return
        }
        let connection = Connection(
            id: nextID, fd: fd, remoteAddress: remoteAddress, limits: core.limits, bodyLimit: core.bodyLimit)
        nextID += 1
        let interest = NAFIDHA_EPOLLIN | NAFIDHA_EPOLLOUT | NAFIDHA_EPOLLRDHUP | NAFIDHA_EPOLLET
        do {
            try Posix.epollAdd(epoll, fd: fd, events: interest, token: connection.id)
        } catch {
            Posix.close(fd)
            connectionClosed()
            return
        }
        connections[connection.id] = connection
        connection.readDeadline = Posix.monotonicNanoseconds() + core.timeouts.keepAlive
    }

    func close(_ connection: Connection) {
        guard connection.isOpen else { return }
        connection.isOpen = false
        connections.removeValue(forKey: connection.id)
        if case .streaming(let sink) = connection.phase {
            sink.fail(
                connection.writeDeadline != 0 && now >= connection.writeDeadline ? .writeTimeout : .connectionClosed)
        }
        if case .streamingBody(let stream) = connection.phase {
            stream.fail(.incompleteBody)
        }
        connection.phase = .closing
        releaseBody(of: connection)
        Posix.close(connection.fd)
        connectionClosed()
    }

    func connectionClosed() {
        let before = core.openConnections.subtract(1, ordering: .relaxed).oldValue
        if before == core.configuration.maxConnections {
            peers[0].post(.resumeAccept)
        }
    }

    /// Closes connections whose read or write deadline passed, and retries a paused accept.
    private func sweep() {
        var expired: [Connection] = []
        for connection in connections.values {
            // While a response is still going out the write deadline governs: the loop is not reading then.
            let readExpired =
                connection.readDeadline != 0 && now >= connection.readDeadline && connection.isReadingRequest
                && connection.pendingOutput == 0
            let writeExpired = connection.writeDeadline != 0 && now >= connection.writeDeadline
            var drained = false
            if case .draining = connection.phase { drained = now >= connection.readDeadline }
            if readExpired || writeExpired || drained || bodyTooSlow(connection) {
                expired.append(connection)
            }
        }
        for connection in expired {
            close(connection)
        }
        if index == 0 {
            resumeAcceptingIfPossible()
        }
    }

    /// Whether a body being received passed its whole-body deadline or fell below the minimum average rate.
    private func bodyTooSlow(_ connection: Connection) -> Bool {
        let limit: UInt64
        switch connection.phase {
        case .body: limit = core.timeouts.body
        case .streamingBody: limit = core.timeouts.streamingBody
        default: return false
        }
        guard connection.bodyStarted != 0, connection.bodyPausedAt == 0 else { return false }
        let elapsed = now &- connection.bodyStarted
        if elapsed >= limit { return true }
        let rate = UInt64(max(0, core.configuration.minBodyBytesPerSecond))
        guard rate > 0, elapsed >= core.timeouts.bodyRateGrace else { return false }
        // received / seconds < rate, without division: received * 1e9 < rate * elapsed.
        let (needed, overflow) = rate.multipliedReportingOverflow(by: elapsed)
        return overflow || UInt64(connection.bodyReceived) * 1_000_000_000 < needed
    }

    private func beginShutdown(deadline: UInt64) {
        guard shutdownDeadline == nil else { return }
        shutdownDeadline = deadline
        if listenFD >= 0 {
            if !acceptPaused {
                try? Posix.epollRemove(epoll, fd: listenFD)
            }
            Posix.close(listenFD)
            listenFD = -1
        }
        for connection in Array(connections.values) {
            connection.closeAfterResponse = true
            if case .idle = connection.phase, connection.pendingOutput == 0 {
                close(connection)
            }
        }
    }
}
