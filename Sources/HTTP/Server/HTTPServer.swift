import CNafidhaLinux
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP/1.1 server: epoll event loops for I/O, a bounded pool of worker threads for handlers.
///
/// Handlers never run on Swift concurrency's cooperative threads: all threads here are the server's own.
public final class HTTPServer: Sendable {
    private enum State {
        case created
        case running([EventLoop])
        case stopped
    }

    /// The settings the server was created with.
    public let configuration: Configuration
    let core: ServerCore
    private let state = Mutex<State>(.created)

    /// Creates a server; nothing is bound until `start()`.
    public init(configuration: Configuration = Configuration(), responder: some HTTPResponder) {
        self.configuration = configuration
        self.core = ServerCore(configuration: configuration, responder: responder)
    }

    /// Busy and queued requests of the worker pool at this instant, with its capacity.
    public var workerSaturation: WorkerSaturation { core.pool.saturation }

    /// Bytes of request bodies held by all connections now (bounded by `maxBufferedBodyBytes`).
    public var bufferedBodyBytes: Int { core.bufferedBodyBytes.load(ordering: .relaxed) }

    /// Access-log lines dropped because the log buffer was full.
    public var droppedAccessLogLines: Int { core.logger.droppedLines }

    /// Binds, listens and starts the threads; returns the bound port (useful with port 0).
    /// Throws `HTTPServerError` or `SystemCallError` (e.g. `bind: Address already in use`).
    @discardableResult
    public func start() throws -> Int {
        try state.withLock { state in
            guard case .created = state else {
                throw HTTPServerError.alreadyStarted
            }
            Posix.raiseOpenFileLimit()
            Posix.ignoreBrokenPipes()
            let listenFD = try bindListener()
            let port: Int
            var loops: [EventLoop] = []
            do {
                port = try Posix.localPort(listenFD)
                for index in 0..<max(1, configuration.eventLoopCount) {
                    loops.append(try EventLoop(index: index, core: core))
                }
                try Posix.epollAdd(
                    loops[0].epoll, fd: listenFD, events: NAFIDHA_EPOLLIN, token: EventLoop.listenerToken)
            } catch {
                for loop in loops { loop.releaseUnstarted() }
                Posix.close(listenFD)
                throw error
            }
            loops[0].listenFD = listenFD
            for loop in loops {
                loop.peers = loops
            }
            core.logger.start()
            core.pool.start()
            for loop in loops {
                loop.start()
            }
            state = .running(loops)
            return port
        }
    }

    /// Stops accepting, lets in-flight requests finish within `shutdownTimeout`, closes every connection and
    /// stops all threads; returns when done. Idempotent.
    public func shutdown() {
        let loops: [EventLoop] = state.withLock { state in
            guard case .running(let loops) = state else {
                state = .stopped
                return []
            }
            state = .stopped
            return loops
        }
        guard !loops.isEmpty else { return }
        let deadline = Posix.monotonicNanoseconds() + configuration.shutdownTimeout.nanoseconds
        for loop in loops {
            loop.post(.shutdown(deadline: deadline))
        }
        for loop in loops {
            loop.waitUntilFinished()
        }
        core.pool.stop(deadline: deadline)
        core.logger.stop()
    }

    private func bindListener() throws -> Int32 {
        guard let address = SocketAddress(host: configuration.host, port: configuration.port) else {
            throw HTTPServerError.invalidHost
        }
        let fd = try Posix.socket(domain: address.family, type: Int32(SOCK_STREAM.rawValue))
        do {
            try Posix.setOption(fd, level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
            try address.withSockaddr { pointer, length throws(SystemCallError) in
                try Posix.bind(fd, address: pointer, length: length)
            }
            try Posix.listen(fd, backlog: Int32(configuration.listenBacklog))
        } catch {
            Posix.close(fd)
            throw error
        }
        return fd
    }
}
