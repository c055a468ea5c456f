import ArgumentParsing
import Foundation
import Postgres

/// The database an operator's audit command (`nafidha admin audit-export`, `audit-verify`, `nafidha audit status`,
/// `sequence`) works on. It must exist already: `--database-url`, else `--data-dir` naming a cluster that holds
/// data (started for the command if it is stopped, and stopped again after), else `DATABASE_URL`. Such a command
/// never creates a cluster: an empty one would only answer that it holds no trail, and hide the mistake.
enum ExistingDatabase {
    /// What to say when no database is named: printed as `Error: ...` with exit 64.
    static let missing =
        "no database: give --database-url URL, set DATABASE_URL, or --data-dir DIR of an existing cluster"

    /// Opens the database `options` name, or nil when they name none (the caller prints `missing`).
    static func open(_ options: DatabaseOptions, context: CommandContext) throws -> OpenedDatabase? {
        if options.url == nil, options.dataDirectory == nil,
            (context.environment[DatabaseOptions.environmentVariable] ?? "").isEmpty
        {
            return nil
        }
        if let folder = options.dataDirectory {
            let absolute = InstantArgument.absolutePath(folder, in: context.currentDirectory)
            guard FileManager.default.fileExists(atPath: absolute + "/PG_VERSION") else {
                throw CommandFailure(
                    "\(absolute) holds no PostgreSQL cluster, and this command never creates one (nafidha serve does)")
            }
        }
        return try options.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(context: context)
    }

    /// Runs `body` with a connection to the database `options` name, stopping a cluster started for it afterwards;
    /// prints `missing` and returns 64 when they name none.
    static func withConnection(
        _ options: DatabaseOptions, context: CommandContext, _ body: (PostgresConnection) throws -> Int32
    ) throws -> Int32 {
        guard let opened = try open(options, context: context) else {
            context.standardError.writeLine("Error: \(missing)")
            return 64
        }
        defer { try? opened.close() }
        return try body(try opened.connect())
    }
}
