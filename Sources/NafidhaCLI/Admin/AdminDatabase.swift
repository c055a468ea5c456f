import ArgumentParsing
import Postgres

/// The database an operator command works on directly (on the server, with database credentials), opened for
/// the command's run and closed after it.
enum AdminDatabase {
    /// The `--database-url` and `--data-dir` options every such command takes.
    static let arguments = [DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition]

    /// Runs `body` with a small pool on the chosen database; an embedded cluster started here is stopped after.
    static func withPool<T>(_ options: DatabaseOptions, context: CommandContext, _ body: (PostgresPool) throws -> T)
        throws -> T
    {
        let opened = try options.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(
            context: context)
        var configuration = PostgresPool.Configuration()
        configuration.maxConnections = 2
        let pool = PostgresPool(conninfo: opened.conninfo, configuration: configuration)
        defer {
            pool.close()
            try? opened.close()
        }
        return try body(pool)
    }
}
