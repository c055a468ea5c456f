import ArgumentParsing

/// `nafidha show TRACKING`: the request with the applicant's personal data and its tasks (an audited access).
struct ShowCommand: RunnableCommand {
    static let tracking = Positional<String>("tracking", help: "The tracking number, e.g. TRP-7KQ4-M2XD.")
    static let json = Flag("json", help: "Print the server's JSON.")

    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Shows a request in your scope, its applicant and its tasks.",
        discussion: "Viewing the applicant's personal data is recorded in the audit trail (personal_data_viewed).",
        arguments: [tracking.definition, json.definition]
    )

    let trackingNumber: String
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let tracking = try arguments.value(of: Self.tracking) else {
            throw UsageError.required(Self.tracking.definition)
        }
        trackingNumber = tracking
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            guard trackingNumber.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw .refused(status: 404, code: "request_not_found", message: "No request has this tracking number.")
            }
            let answer = try client.call("GET", "/v1/staff/requests/\(ClerkCommandRunner.pathSegment(trackingNumber))")
            guard !json else {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(answer))
                return
            }
            let request = answer as? [String: Any] ?? [:]
            var facts = TerminalTable(headers: ["FIELD", "VALUE"])
            for key in [
                "tracking_number", "service", "municipality", "status", "submitted_at", "due_at", "applicant_name",
                "applicant_national_id", "applicant_phone", "applicant_email", "description", "fields",
            ] {
                facts.rows.append([key, (request[key] as? String) ?? "-"])
            }
            let style = TerminalStyle(context: context)
            context.standardOutput.writeLine(facts.render(style: style))
            var tasks = TerminalTable(headers: ClerkCommandRunner.taskHeaders)
            for task in request["tasks"] as? [[String: Any]] ?? [] {
                tasks.rows.append(ClerkCommandRunner.taskRow(task, language: ClerkCommandRunner.languageKey(context)))
            }
            context.standardOutput.writeLine("")
            context.standardOutput.writeLine(tasks.render(style: style))
        }
    }
}
