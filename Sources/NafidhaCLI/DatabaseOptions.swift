import ArgumentParsing
import Postgres

/// `--database-url` and `--data-dir`: which database a command uses.
///
/// Order of choice: `--database-url`; else `--data-dir` (an embedded cluster); else the `DATABASE_URL`
/// environment variable; else the embedded cluster in `./.nafidha/pg`.
struct DatabaseOptions {
    static let databaseURL = Option<String>(
        "database-url", valueName: "url",
        help: "The PostgreSQL URL (postgresql://...). Default: $DATABASE_URL, else an embedded cluster."
    )
    static let dataDirectory = Option<String>(
        "data-dir", valueName: "dir", help: "The embedded cluster's data folder. Default: ./.nafidha/pg."
    )
    /// The environment variable read when neither option is given.
    static let environmentVariable = "DATABASE_URL"

    let url: String?
    let dataDirectory: String?

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        url = try arguments.value(of: Self.databaseURL)
        dataDirectory = try arguments.value(of: Self.dataDirectory)
        if url != nil && dataDirectory != nil {
            throw UsageError.conflict(Self.databaseURL.definition, Self.dataDirectory.definition)
        }
    }

    /// Decides which database to use and checks a URL's form, without connecting or starting anything.
    func choose(context: CommandContext, embedded: EmbeddedPostgres.Configuration) throws -> DatabaseChoice {
        if let url {
            return .external(conninfo: try Self.checked(url, source: "--database-url"))
        }
        if dataDirectory == nil, let url = context.environment[Self.environmentVariable], !url.isEmpty {
            if embedded.tcpPort != nil {
                throw CommandFailure("--database-port applies only to the embedded cluster, but DATABASE_URL is set")
            }
            return .external(conninfo: try Self.checked(url, source: Self.environmentVariable))
        }
        var configuration = embedded
        configuration.dataDirectory = dataDirectory ?? configuration.dataDirectory
        return .embedded(configuration)
    }

    /// Refuses what is not a `postgresql://` URL libpq can parse; the URL itself is never echoed (it may hold a
    /// password).
    private static func checked(_ url: String, source: String) throws -> String {
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
            throw CommandFailure("\(source) is not a PostgreSQL URL; expected postgresql://USER@HOST:PORT/DATABASE")
        }
        do throws(PostgresError) {
            _ = try PostgresConnectionInfo(url)
        } catch {
            throw CommandFailure("\(source) is not a valid PostgreSQL URL: \(error.message)")
        }
        return url
    }
}

/// The database `DatabaseOptions` chose, before anything is started.
enum DatabaseChoice {
    case external(conninfo: String)
    case embedded(EmbeddedPostgres.Configuration)

    /// Starts or reuses the embedded cluster; an external database needs nothing yet.
    func open(context: CommandContext) throws -> OpenedDatabase {
        switch self {
        case .external(let conninfo): .external(conninfo: conninfo)
        case .embedded(let configuration):
            .embedded(try EmbeddedPostgres.start(configuration, currentDirectory: context.currentDirectory))
        }
    }
}

/// A database in use: an external server, or the embedded cluster to stop when done.
enum OpenedDatabase {
    case external(conninfo: String)
    case embedded(EmbeddedPostgres)

    /// The libpq connection string.
    var conninfo: String {
        switch self {
        case .external(let conninfo): conninfo
        case .embedded(let cluster): cluster.conninfo
        }
    }

    /// A one-line account of which database is in use, without credentials.
    var summary: String {
        switch self {
        case .external: "the server given by the database URL"
        case .embedded(let cluster):
            "embedded cluster in \(cluster.dataDirectory) (\(cluster.startedByThisProcess ? "started" : "already running, reused"))"
        }
    }

    /// Stops the embedded cluster if this process started it; an external server is left alone.
    func close() throws {
        if case .embedded(let cluster) = self { try cluster.stop() }
    }

    /// Opens a connection, turning libpq's failure into one line.
    func connect() throws -> PostgresConnection {
        do throws(PostgresError) {
            return try PostgresConnection(conninfo: conninfo)
        } catch {
            throw CommandFailure("cannot connect to the database: \(error.message)")
        }
    }
}
