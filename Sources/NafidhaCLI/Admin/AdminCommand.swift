import ArgumentParsing

/// `nafidha admin`: operator commands that act on the database directly (staff, their tokens, Open311 API keys).
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "admin",
        abstract:
            "Manages staff accounts, their tokens and Open311 API keys directly in the database (run on the server).",
        subcommands: [
            AdminCreateStaffCommand.self, AdminIssueTokenCommand.self, AdminRevokeTokenCommand.self,
            CreateAPIKeyCommand.self, RevokeAPIKeyCommand.self,
            AdminAuditExportCommand.self,
            AdminAuditVerifyCommand.self,
        ]
    )
}
