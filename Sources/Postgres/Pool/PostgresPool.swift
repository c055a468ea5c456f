import Synchronization

/// A bounded pool of PostgreSQL connections: at most `maxConnections`, at most `maxWaiters` waiting, each
/// wait bounded by `acquireTimeout`. Lost connections are discarded and replaced, so a server restart heals.
public final class PostgresPool: Sendable {
    private struct State {
        var idle: [PooledConnection] = []
        /// Idle, lent out, and being opened: never above `maxConnections`.
        var openCount = 0
        var waiters: [PoolWaiter] = []
        var isClosed = false
    }

    private enum Step {
        case reuse(PooledConnection)
        case open
        case wait(PoolWaiter)
    }

    let conninfo: String
    /// The limits this pool was made with.
    public let configuration: Configuration
    private let state = Mutex(State())

    /// Makes a pool; no connection is opened until one is needed.
    public init(conninfo: String, configuration: Configuration = .init()) {
        self.conninfo = conninfo
        self.configuration = configuration
    }

    deinit { close() }

    /// Lends a connection to `body` and takes it back afterwards. Blocks: call it from threads we own.
    ///
    /// Throws `poolTimeout` when no connection frees up within `acquireTimeout`, `poolBusy` when
    /// `maxWaiters` threads already wait, and whatever connecting or `body` throws.
    @discardableResult
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection(deadline: .now + configuration.acquireTimeout, body)
    }

    /// Counts of connections and waiters at this instant, for monitoring and tests.
    public var statistics: Statistics {
        state.withLock { state in
            Statistics(open: state.openCount, idle: state.idle.count, waiters: state.waiters.count)
        }
    }

    /// Closes idle connections, fails waiting callers with `poolClosed`, and closes lent connections as they
    /// come back. Later calls throw `poolClosed`.
    public func close() {
        let (idle, waiters) = state.withLock { state in
            state.isClosed = true
            state.openCount -= state.idle.count
            defer {
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        state.withLock { _ in
            for waiter in waiters { waiter.fulfil(.closed) }
        }
        // The idle connections close (a Terminate message each) when `idle` goes away, outside the lock.
        withExtendedLifetime(idle) {}
    }

    func withConnection<T>(deadline: ContinuousClock.Instant, _ body: (PostgresConnection) throws -> T) throws -> T {
        let pooled = try acquire(deadline: deadline)
        let value: T
        do {
            value = try body(pooled.connection)
        } catch {
            release(pooled, reusable: pooled.prepareForReuse(after: error))
            throw error
        }
        release(pooled, reusable: pooled.prepareForReuse(after: nil))
        return value
    }

    private func acquire(deadline: ContinuousClock.Instant) throws(PostgresError) -> PooledConnection {
        while true {
            let step = try state.withLock { state throws(PostgresError) -> Step in
                if state.isClosed { throw Self.closedError }
                if let pooled = state.idle.popLast() { return .reuse(pooled) }
                if state.openCount < configuration.maxConnections {
                    state.openCount += 1
                    return .open
                }
                guard state.waiters.count < configuration.maxWaiters else {
                    throw PostgresError(
                        code: .poolBusy,
                        message: "all \(configuration.maxConnections) connections are in use and "
                            + "\(configuration.maxWaiters) callers already wait; try again later"
                    )
                }
                let waiter = PoolWaiter()
                state.waiters.append(waiter)
                return .wait(waiter)
            }
            switch step {
            case .reuse(let pooled):
                if pooled.isReusable { return pooled }
                release(pooled, reusable: false)
            case .open:
                return try open()
            case .wait(let waiter):
                switch try outcome(of: waiter, deadline: deadline) {
                case .connection(let pooled):
                    if pooled.isReusable { return pooled }
                    release(pooled, reusable: false)
                case .openPermit:
                    return try open()
                case .closed:
                    throw Self.closedError
                }
            }
        }
    }

    /// Waits for `waiter` to be served; on timeout withdraws it, unless it was served in the meantime.
    private func outcome(of waiter: PoolWaiter, deadline: ContinuousClock.Instant) throws(PostgresError)
        -> PoolWaiter.Outcome
    {
        let served = waiter.wait(until: deadline)
        return try state.withLock { state throws(PostgresError) -> PoolWaiter.Outcome in
            if let outcome = waiter.outcome { return outcome }
            precondition(!served, "a waiter was woken without an outcome")
            state.waiters.removeAll { $0 === waiter }
            throw PostgresError(
                code: .poolTimeout,
                message: "no database connection became free within \(configuration.acquireTimeout) "
                    + "(all \(configuration.maxConnections) in use)"
            )
        }
    }

    /// Opens a connection in a slot already counted in `openCount`; gives the slot back if connecting fails.
    private func open() throws(PostgresError) -> PooledConnection {
        do {
            return PooledConnection(try PostgresConnection(conninfo: conninfo, settings: configuration.connection))
        } catch {
            state.withLock { state in
                state.openCount -= 1
                Self.passSlotToWaiter(&state)
            }
            throw error
        }
    }

    /// Takes a connection back: to a waiter, to the idle list, or closed (then its slot goes to a waiter).
    private func release(_ pooled: PooledConnection, reusable: Bool) {
        let discarded = state.withLock { state -> PooledConnection? in
            guard reusable, !state.isClosed else {
                state.openCount -= 1
                if !state.isClosed { Self.passSlotToWaiter(&state) }
                return pooled
            }
            if state.waiters.isEmpty {
                state.idle.append(pooled)
            } else {
                state.waiters.removeFirst().fulfil(.connection(pooled))
            }
            return nil
        }
        // Closing sends a Terminate message: done here, outside the lock.
        withExtendedLifetime(discarded) {}
    }

    /// A slot freed up: the first waiter may open a connection in it.
    private static func passSlotToWaiter(_ state: inout State) {
        guard !state.waiters.isEmpty else { return }
        state.openCount += 1
        state.waiters.removeFirst().fulfil(.openPermit)
    }

    private static var closedError: PostgresError {
        PostgresError(code: .poolClosed, message: "the connection pool is closed")
    }
}
