extension PostgresPool {
    /// The pool's limits; every field has a documented default.
    public struct Configuration: Sendable {
        /// The most connections open at once. Default 10.
        public var maxConnections = 10
        /// How long a caller waits for a free connection before `poolTimeout`. Default 5 s.
        public var acquireTimeout: Duration = .seconds(5)
        /// The most callers blocked waiting at once; one more is refused at once with `poolBusy`. Default 1000.
        public var maxWaiters = 1000
        /// Settings for each connection (connect timeout, statement timeout, caches).
        public var connection = PostgresConnection.Settings()

        /// The defaults.
        public init() {}
    }

    /// Counts of connections and waiters at one instant.
    public struct Statistics: Sendable, Equatable {
        /// Connections open (idle, lent out, or being opened).
        public var open: Int
        /// Connections open and not lent out.
        public var idle: Int
        /// Callers blocked waiting for a connection.
        public var waiters: Int

        /// Makes a set of counts (for comparisons in tests and monitoring).
        public init(open: Int, idle: Int, waiters: Int) {
            self.open = open
            self.idle = idle
            self.waiters = waiters
        }
    }
}
