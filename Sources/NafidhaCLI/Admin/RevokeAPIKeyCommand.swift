import ArgumentParsing

/// `nafidha admin revoke-api-key --name NAME`: revokes an application's Open311 API key at once.
struct RevokeAPIKeyCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "revoke-api-key",
        abstract: "Revokes the Open311 API key of a client application.",
        discussion: "The key stops working immediately; the requests it filed keep their link to it.",
        arguments: [CreateAPIKeyCommand.name.definition] + AdminDatabase.arguments
    )

    let applicationName: String
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        applicationName = try CreateAPIKeyCommand.requiredName(arguments)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let revoked = try CreateAPIKeyCommand.withStore(database, context: context) { store in
            try store.revoke(name: applicationName)
        }
        guard revoked else { throw CommandFailure("no active API key is named \"\(applicationName)\"") }
        context.standardOutput.writeLine("Revoked the API key of \"\(applicationName)\".")
        return 0
    }
}
