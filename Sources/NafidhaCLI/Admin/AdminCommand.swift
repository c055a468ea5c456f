import ArgumentParsing

/// `nafidha admin`: operator commands that act on the database directly (staff accounts and their tokens).
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "admin",
        abstract: "Manages staff accounts and API tokens directly in the database (run on the server).",
        subcommands: [AdminCreateStaffCommand.self, AdminIssueTokenCommand.self, AdminRevokeTokenCommand.self]
    )
}
