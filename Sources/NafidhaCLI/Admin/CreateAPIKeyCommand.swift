import ArgumentParsing
import NafidhaCore

/// `nafidha admin create-api-key --name NAME`: issues the Open311 API key of a client application.
struct CreateAPIKeyCommand: RunnableCommand {
    static let name = Option<String>(
        "name", valueName: "name", help: "The client application's name (unique, ≤ 100 characters).")

    static let configuration = CommandConfiguration(
        name: "create-api-key",
        abstract: "Issues an Open311 API key for a client application.",
        discussion: """
            Prints the key on standard output, once: only its SHA-256 is stored, so a lost key cannot be shown \
            again (revoke it and issue another). Every request the application files records which key filed it.
            """,
        arguments: [name.definition] + AdminDatabase.arguments
    )

    let applicationName: String
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        applicationName = try Self.requiredName(arguments)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let created = try Self.withStore(database, context: context) { store in
            try store.create(name: applicationName)
        }
        context.standardError.writeLine(
            "Created API key \(created.key.id) for \"\(created.key.name)\"; it is shown only this once, store it now:"
        )
        context.standardOutput.writeLine(created.secret)
        return 0
    }

    /// `--name`, which both key commands require.
    static func requiredName(_ arguments: ParsedArguments) throws(UsageError) -> String {
        guard let value = try arguments.value(of: name), !value.isEmpty else {
            throw UsageError.invalidValue(for: name.definition, value: "", reason: "--name is required")
        }
        return value
    }

    /// Runs `body` with a key store on the chosen database, then closes it.
    static func withStore<T>(
        _ database: DatabaseOptions, context: CommandContext, _ body: (APIKeyStore) throws -> T
    ) throws -> T {
        try AdminDatabase.withPool(database, context: context, connections: 1) { try body(APIKeyStore(pool: $0)) }
    }
}
