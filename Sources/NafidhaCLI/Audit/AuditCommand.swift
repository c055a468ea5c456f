import ArgumentParsing

/// `nafidha audit`: groups the audit trail's export, verification, status and sequencing commands.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "audit",
        abstract: "Exports and verifies the audit trail; shows and runs its sequencer.",
        subcommands: [
            AuditExportCommand.self, AuditVerifyCommand.self, AuditStatusCommand.self, AuditSequenceCommand.self,
        ]
    )
}
