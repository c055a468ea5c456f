import ArgumentParsing

/// `nafidha admin`: operator commands that act on the database directly (staff, their tokens and contacts, Open311
/// API keys, webhook subscriptions and notifications).
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "admin",
        abstract:
            "Manages staff, tokens, API keys, webhooks and notifications directly in the database (run on the server).",
        subcommands: [
            AdminCreateStaffCommand.self, AdminIssueTokenCommand.self, AdminRevokeTokenCommand.self,
            CreateAPIKeyCommand.self, RevokeAPIKeyCommand.self, SetContactCommand.self, CreateWebhookCommand.self,
            ListWebhooksCommand.self, DeleteWebhookCommand.self, NotificationsCommand.self, RedeliverCommand.self,
        ]
    )
}
