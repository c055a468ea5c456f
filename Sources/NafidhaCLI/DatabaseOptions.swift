import ArgumentParsing
import Foundation
import NafidhaCore
import Postgres

/// `--database-url` and `--data-dir`: which database a command uses directly (the operator's commands, on the
/// server's machine: docs/operations.md).
///
/// Order of choice: `--database-url`; else `--data-dir` (an embedded cluster); else the `DATABASE_URL` environment
/// variable; else the embedded cluster in `./.nafidha/pg`. Only `nafidha serve` creates a cluster: for every other
/// command the data folder must already hold one, or the command stops with one line naming the folder (exit 69)
/// before anything is created.
struct DatabaseOptions {
    static let databaseURL = Option<String>(
        "database-url", valueName: "url",
        help: "The PostgreSQL URL (postgresql://...). Default: $DATABASE_URL, else the embedded cluster."
    )
    static let dataDirectory = Option<String>(
        "data-dir", valueName: "dir",
        help: "The embedded cluster's data folder (only 'nafidha serve' creates one). Default: ./.nafidha/pg."
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

    /// Decides which database to use and checks a URL's form, without connecting or starting anything. An embedded
    /// cluster must exist already unless `creatingCluster` (`nafidha serve` alone passes true).
    func choose(
        context: CommandContext, embedded: EmbeddedPostgres.Configuration, creatingCluster: Bool = false
    ) throws -> DatabaseChoice {
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
        configuration.createsCluster = creatingCluster
        if !creatingCluster { try requireCluster(in: configuration.dataDirectory, context: context) }
        return .embedded(configuration)
    }

    /// Refuses a data folder that holds no cluster, naming it and the ways to point at a database (exit 69).
    private func requireCluster(in folder: String, context: CommandContext) throws {
        let path = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: context.currentDirectory))
            .standardizedFileURL.path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue && FileManager.default.fileExists(atPath: path + "/PG_VERSION") { return }
        let what = exists ? "holds no database cluster" : "does not exist"
        let given = dataDirectory == nil ? "the default data folder \(path)" : "the data folder \(path) (--data-dir)"
        throw CommandFailure.unavailable(
            "no database: \(given) \(what); pass --database-url URL, set DATABASE_URL, or give the --data-dir of an "
                + "existing cluster (only 'nafidha serve' creates one)")
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

    /// Ends this process's use of the embedded cluster, which the last process out stops; an external server is
    /// left alone.
    func close() throws {
        if case .embedded(let cluster) = self { try cluster.stop() }
    }

    /// Opens a connection, turning libpq's failure into one line (exit 69).
    func connect() throws -> PostgresConnection {
        do throws(PostgresError) {
            return try PostgresConnection(conninfo: conninfo)
        } catch {
            throw CommandFailure.unavailable("cannot connect to the database: \(error.message)")
        }
    }

    /// Opens a connection to a database whose schema is the one this nafidha knows, or says what to do: migrate
    /// an empty or older database, upgrade nafidha for a newer one.
    func connectMigrated() throws -> PostgresConnection {
        let connection = try connect()
        let migrator = SchemaMigrator()
        let version = try migrator.appliedVersion(connection)
        guard version == migrator.latestVersion else {
            throw CommandFailure(
                version == 0
                    ? "the database has no Nafidha schema yet; run 'nafidha migrate' first"
                    : "the database schema is at version \(version) but this nafidha needs version "
                        + "\(migrator.latestVersion); run 'nafidha migrate' first")
        }
        return connection
    }
}
