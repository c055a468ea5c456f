import ArgumentParsing
import NafidhaCore

/// `nafidha admin list-webhooks`: the active subscriptions, without their secrets.
struct ListWebhooksCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "list-webhooks",
        abstract: "Lists the active webhook subscriptions (never their secrets).",
        arguments: AdminDatabase.arguments
    )

    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let webhooks = try NotificationAdmin.withServices(database, context: context) { try $0.webhooks.list() }
        guard !webhooks.isEmpty else {
            context.standardOutput.writeLine("No webhook subscriptions.")
            return 0
        }
        var table = TerminalTable(headers: [
            "ID", "URL", "EVENTS", "MUNICIPALITIES", "SECTORS", "PERSONAL", "CREATED (UTC)",
        ])
        table.rows = webhooks.map { webhook in
            [
                String(webhook.id), webhook.url,
                webhook.eventTypes.isEmpty ? "all" : webhook.eventTypes.map(\.rawValue).joined(separator: ","),
                webhook.municipalities.isEmpty ? "all" : webhook.municipalities.joined(separator: ","),
                webhook.sectors.isEmpty ? "all" : webhook.sectors.joined(separator: ","),
                webhook.includesPersonalData ? "yes" : "no", NotificationAdmin.instant(webhook.createdAt),
            ]
        }
        context.standardOutput.writeLine(table.render(style: TerminalStyle(context: context)))
        return 0
    }
}
