extension EmbeddedPostgres {
    /// Where the cluster lives and how it is run; every limit has a default documented in docs/operations.md.
    public struct Configuration: Sendable {
        /// The cluster's data folder, also holding its Unix socket; relative paths are taken from the current
        /// directory. Default `./.nafidha/pg`.
        public var dataDirectory: String = "./.nafidha/pg"
        /// A TCP port to listen on (localhost only), or nil for the Unix socket alone. Default nil.
        public var tcpPort: Int? = nil
        /// The socket's port number when there is no TCP port: it only names the socket file. Default 5432.
        public var socketPort: Int = 5432
        /// The superuser `initdb` creates and Nafidha connects as. Default `nafidha`.
        public var user: String = "nafidha"
        /// The database Nafidha uses inside the cluster. Default `nafidha`.
        public var database: String = "nafidha"
        /// The OS user that runs PostgreSQL when Nafidha runs as root (PostgreSQL refuses root). Default `postgres`.
        public var osUserWhenRoot: String = "postgres"
        /// How long `pg_ctl` waits for the server to accept connections, in seconds. Default 60.
        public var startTimeoutSeconds: Int = 60
        /// How long `pg_ctl` waits for a fast shutdown, in seconds. Default 30.
        public var stopTimeoutSeconds: Int = 30
        /// Where the server binaries are looked for.
        public var binarySearch: PostgresBinaries.SearchPath = .init()
        /// Whether `start` may create the data folder and run `initdb` when it holds no cluster yet. Default false:
        /// a folder without a cluster is refused (`no_cluster`) before anything is created. Only `nafidha serve`
        /// creates clusters.
        public var createsCluster: Bool = false

        /// The default configuration.
        public init() {}

        /// The port that names the socket and, when TCP is on, the TCP port.
        var port: Int { tcpPort ?? socketPort }
    }
}
