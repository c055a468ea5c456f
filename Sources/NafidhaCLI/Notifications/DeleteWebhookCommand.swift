import ArgumentParsing
import NafidhaCore

/// `nafidha admin delete-webhook ID`: ends a subscription; its pending deliveries are given up.
struct DeleteWebhookCommand: RunnableCommand {
    static let id = Positional<Int>("id", help: "The subscription's id (nafidha admin list-webhooks).")

    static let configuration = CommandConfiguration(
        name: "delete-webhook",
        abstract: "Deletes a webhook subscription: nothing more is delivered to it.",
        discussion: "Its pending deliveries are dead-lettered; its past deliveries keep their history.",
        arguments: [id.definition] + AdminDatabase.arguments
    )

    let webhook: Int
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let id = try arguments.value(of: Self.id) else { throw UsageError.required(Self.id.definition) }
        webhook = id
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let dropped = try NotificationAdmin.withServices(database, context: context) {
            try $0.webhooks.delete(id: Int64(webhook))
        }
        context.standardOutput.writeLine("Deleted webhook \(webhook); \(dropped) pending deliveries given up.")
        return 0
    }
}
