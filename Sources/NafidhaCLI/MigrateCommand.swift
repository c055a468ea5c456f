import ArgumentParsing
import NafidhaCore
import Postgres

/// `nafidha migrate`: applies the migrations the database lacks, then exits.
struct MigrateCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "migrate",
        abstract: "Applies the missing schema migrations.",
        discussion: """
            Each migration runs in its own transaction under an advisory lock, so concurrent migrators take turns \
            and a failing migration leaves nothing behind. Refuses a database whose schema is newer than this \
            nafidha, or whose applied migrations were edited since.
            """,
        arguments: [DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition]
    )

    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let opened = try database.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(
            context: context)
        do {
            try SchemaMigrator().migrate(opened, context: context)
        } catch {
            try? opened.close()
            throw error
        }
        try opened.close()
        return 0
    }
}
