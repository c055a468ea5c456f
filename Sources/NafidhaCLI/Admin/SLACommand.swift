import ArgumentParsing

/// `nafidha sla`: service-level commands run on the server.
struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "sla",
        abstract: "Service-level deadlines: runs the escalation sweep.",
        subcommands: [SLASweepCommand.self]
    )
}
