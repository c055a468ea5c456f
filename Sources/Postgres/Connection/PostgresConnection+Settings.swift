extension PostgresConnection {
    /// Limits for one connection; every field has a documented default.
    public struct Settings: Sendable {
        /// How long connecting may take (libpq `connect_timeout`, whole seconds, at least 2). Default 5 s.
        /// A `connect_timeout` in the conninfo wins.
        public var connectTimeout: Duration = .seconds(5)
        /// The server-side `statement_timeout` for every statement; nil keeps the server's (none). Default nil,
        /// because migrations and exports legitimately run long; request paths should set one.
        public var statementTimeout: Duration?
        /// How many prepared statements `queryPrepared` keeps per connection before evicting the least recently
        /// used. Default 64.
        public var preparedStatementCacheSize = 64
        /// The size `copyOut` gathers rows into before calling back. Default 64 KiB.
        public var copyChunkSize = 64 * 1024

        /// The defaults.
        public init() {}
    }
}
