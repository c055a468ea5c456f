import ArgumentParsing

/// `nafidha admin`: operator commands that act on the database directly (staff, their tokens, Open311 API keys,
/// reports), with the database's credentials, on the server.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "admin",
        abstract:
            "Works on the database directly (run on the server): staff, their tokens, Open311 API keys, reports; "
            + "makes the audit log's signing key.",
        discussion: """
            Each command but keygen needs --database-url, DATABASE_URL or the --data-dir of an existing cluster, migrated by             'nafidha migrate'. Staff use the API instead, with a token ('nafidha login').
            """,
        subcommands: [
            AdminCreateStaffCommand.self, AdminIssueTokenCommand.self, AdminRevokeTokenCommand.self,
            CreateAPIKeyCommand.self, RevokeAPIKeyCommand.self, AdminReportCommand.self, AdminAuditExportCommand.self,
            AdminAuditVerifyCommand.self, AdminKeygenCommand.self,
        ]
    )
}
