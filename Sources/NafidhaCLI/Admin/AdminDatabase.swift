import ArgumentParsing
import Postgres

/// The database an operator command works on directly (on the server, with database credentials), opened for
/// the command's run and closed after it. It must exist (only `nafidha serve` creates a cluster) and carry this
/// nafidha's schema (`nafidha migrate`); otherwise the command stops with one line saying what to do.
enum AdminDatabase {
    /// The `--database-url` and `--data-dir` options every such command takes.
    static let arguments = [DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition]

    /// Runs `body` with a small pool (`connections`, default 2) on the chosen database, after checking its schema;
    /// an embedded cluster is released after (the last process using it stops it).
    static func withPool<T>(
        _ options: DatabaseOptions, context: CommandContext, connections: Int = 2, _ body: (PostgresPool) throws -> T
    ) throws -> T {
        let opened = try options.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(
            context: context)
        defer { try? opened.close() }
        _ = try opened.connectMigrated()
        var configuration = PostgresPool.Configuration()
        configuration.maxConnections = connections
        let pool = PostgresPool(conninfo: opened.conninfo, configuration: configuration)
        defer { pool.close() }
        return try body(pool)
    }

    /// Runs `body` on one connection to the chosen database, after checking its schema.
    static func withConnection<T>(
        _ options: DatabaseOptions, context: CommandContext, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        let opened = try options.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(
            context: context)
        defer { try? opened.close() }
        return try body(try opened.connectMigrated())
    }
}
