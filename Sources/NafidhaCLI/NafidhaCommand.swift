import ArgumentParsing

/// The root `nafidha` command: only groups the subcommands and answers `--version`.
public struct NafidhaCommand: ParsableCommand {
    /// The version `nafidha --version` prints.
    public static let version = "0.1.0"

    /// The tool's name, version and subcommands.
    public static let configuration = CommandConfiguration(
        name: "nafidha",
        abstract: "The backend of a municipal one-stop window.",
        version: version,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SeedCommand.self, AdminCommand.self, SLACommand.self,
            LoginCommand.self, WhoamiCommand.self, QueueCommand.self, SearchCommand.self, FileCommand.self,
            ClaimCommand.self,
            ReleaseCommand.self, ShowCommand.self, ApproveCommand.self, RejectCommand.self, RequestInfoCommand.self,
            ForwardCommand.self, NoteCommand.self, DocumentsCommand.self, DownloadCommand.self, AuditCommand.self,
            ReportCommand.self, VerifyDecisionCommand.self,
            EventsCommand.self, AppealsCommand.self, UpholdCommand.self, GrantCommand.self, ModerateCommand.self,
            PayCommand.self, RefundCommand.self, CancelReceiptCommand.self,
        ]
    )
}
