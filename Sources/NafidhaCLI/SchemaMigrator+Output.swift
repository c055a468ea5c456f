import ArgumentParsing
import NafidhaCore
import Postgres

extension SchemaMigrator {
    /// Migrates the database and reports each applied migration and the final version on standard output.
    func migrate(_ database: OpenedDatabase, context: CommandContext) throws {
        let connection = try database.connect()
        let applied = try migrate(connection) { migration in
            context.standardOutput.writeLine("Applied migrations/\(migration.fileName)")
        }
        let state = applied.isEmpty ? "up to date" : "migrated"
        context.standardOutput.writeLine("Schema \(state) at version \(latestVersion).")
    }
}
