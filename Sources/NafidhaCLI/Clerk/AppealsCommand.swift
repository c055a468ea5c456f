import ArgumentParsing
import NafidhaContract

/// `nafidha appeals [--municipality M] [--status pending|upheld|granted] [--json]`: the `appeals` queue of the
/// caller's municipalities, most urgent first (docs/appeals.md).
struct AppealsCommand: RunnableCommand {
    static let municipality = Option<String>("municipality", valueName: "code", help: "Only this municipality.")
    static let status = Option<String>(
        "status", valueName: "status", help: "pending (default), upheld or granted.")
    static let json = Flag("json", help: "Print the server's JSON.")

    static let configuration = CommandConfiguration(
        name: "appeals",
        abstract: "Lists the appeals against rejections in your municipalities (supervisors, auditors, admins).",
        discussion: "Decide a pending appeal with 'nafidha uphold APPEAL --reason TEXT' or 'nafidha grant ...'.",
        arguments: [municipality.definition, status.definition, json.definition]
    )

    let municipalityCode: String?
    let appealStatus: AppealStatus?
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        municipalityCode = try arguments.value(of: Self.municipality)
        if let text = try arguments.value(of: Self.status) {
            guard let status = AppealStatus(rawValue: text) else {
                throw UsageError.invalidValue(
                    for: Self.status.definition, value: text, reason: "expected pending, upheld or granted")
            }
            appealStatus = status
        } else {
            appealStatus = nil
        }
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let list = try client.send(Routes.appeals(municipality: municipalityCode, status: appealStatus))
            guard !json else {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(list))
                return
            }
            guard !list.appeals.isEmpty else {
                context.standardOutput.writeLine("No appeal.")
                return
            }
            var table = TerminalTable(headers: [
                "APPEAL", "TRACKING", "SERVICE", "QUEUE", "TASK", "STATUS", "DUE (UTC)", "REASON",
            ])
            table.rows = list.appeals.map { appeal in
                [
                    String(appeal.id), appeal.trackingNumber, appeal.service, "\(appeal.municipality)/\(appeal.sector)",
                    String(appeal.task), appeal.status.rawValue + (appeal.overdue ? " (overdue)" : ""),
                    ClerkCommandRunner.minute(appeal.dueAt), String(appeal.reason.prefix(60)),
                ]
            }
            context.standardOutput.writeLine(table.render(style: TerminalStyle(context: context)))
        }
    }
}
