import ArgumentParsing

/// `nafidha admin`: operator commands that act on the database directly (staff, their tokens and contacts, Open311
/// API keys, reports, the audit trail, the catalog file, webhook subscriptions and notifications), with the
/// database's credentials, on the server.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "admin",
        abstract:
            "Works on the database directly (run on the server): staff, tokens, API keys, reports, the catalog, "
            + "webhooks, notifications; makes the audit log's signing key.",
        discussion: """
            Each command but keygen needs --database-url, DATABASE_URL or the --data-dir of an existing cluster, \
            migrated by 'nafidha migrate'. Staff use the API instead, with a token ('nafidha login').
            """,
        subcommands: [
            AdminCreateStaffCommand.self, AdminIssueTokenCommand.self, AdminRevokeTokenCommand.self,
            CreateAPIKeyCommand.self, RevokeAPIKeyCommand.self, AdminReportCommand.self, AdminAuditExportCommand.self,
            AdminAuditVerifyCommand.self, AdminKeygenCommand.self, AdminCatalogCommand.self, SetContactCommand.self,
            CreateWebhookCommand.self, ListWebhooksCommand.self, DeleteWebhookCommand.self, NotificationsCommand.self,
            RedeliverCommand.self, CollectFeesCommand.self, CreatePaymentProviderCommand.self,
        ]
    )
}
