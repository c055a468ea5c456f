import ArgumentParsing
import NafidhaCore
import Postgres

/// `nafidha seed demo`: applies missing migrations, then loads the demo catalog into a database whose catalog is
/// empty; does nothing (and says so) when the catalog already has rows.
struct SeedCommand: RunnableCommand {
    static let seed = Positional<String>("seed", help: "The seed to load. Only 'demo' exists: Libya and Djibouti.")

    static let configuration = CommandConfiguration(
        name: "seed",
        abstract: "Loads the demo catalog into an empty database.",
        discussion: """
            Applies missing migrations first. Applies the demo catalog file (seeds/demo-catalog.json, carried by \
            the binary: countries, public holidays, municipalities, sectors, offices, services and capital \
            overlays) in one transaction, as catalog version 1. When the catalog already has rows it writes nothing \
            and says so, so it is safe to run again.
            """,
        arguments: [seed.definition, DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition]
    )

    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        let name = try arguments.value(of: Self.seed)
        guard name == "demo" else {
            throw UsageError.invalidValue(
                for: Self.seed.definition, value: name ?? "", reason: "the only seed is 'demo'")
        }
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let opened = try database.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(
            context: context)
        do {
            try SchemaMigrator().migrate(opened, context: context)
            try Self.loadDemoCatalog(into: opened, context: context)
        } catch {
            try? opened.close()
            throw error
        }
        try opened.close()
        return 0
    }

    /// Loads the demo catalog and prints one line saying what happened (shared with `serve --demo`).
    static func loadDemoCatalog(into database: OpenedDatabase, context: CommandContext) throws {
        let connection = try database.connect()
        let outcome: DemoCatalog.Outcome
        do {
            outcome = try DemoCatalog.load(on: connection)
        } catch let error as PostgresError {
            throw CommandFailure("cannot load the demo catalog: \(error.message)")
        } catch let error as CatalogFileError {
            throw CommandFailure("cannot load the demo catalog: \(error)")
        }
        switch outcome {
        case .loaded(let counts):
            context.standardOutput.writeLine("Loaded the demo catalog: \(counts).")
        case .alreadyPresent(let counts):
            context.standardOutput.writeLine(
                "The catalog already has rows (\(counts)); the demo catalog was not loaded.")
        }
    }
}
