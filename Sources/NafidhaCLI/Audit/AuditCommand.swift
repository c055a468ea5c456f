import ArgumentParsing

/// `nafidha audit`: groups the audit trail's export and verification commands.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "audit",
        abstract: "Exports and verifies the audit trail.",
        subcommands: [AuditExportCommand.self, AuditVerifyCommand.self]
    )
}
