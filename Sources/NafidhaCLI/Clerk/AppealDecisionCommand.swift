import ArgumentParsing
import NafidhaContract

/// What `uphold` and `grant` share: a supervisor decides a pending appeal with a reason the applicant reads.
enum AppealDecisionCommand {
    static let appeal = Positional<Int>("appeal", help: "The appeal's number, as 'nafidha appeals' shows it.")
    static let reason = Option<String>(
        "reason", valueName: "text", help: "Why (required; the applicant reads it on the request's timeline).")
    static let json = Flag("json", help: "Print the decided appeal as JSON.")

    static let arguments = [appeal.definition, reason.definition, json.definition]

    /// The appeal's number and the reason, both required.
    static func parse(_ arguments: ParsedArguments) throws(UsageError) -> (Int64, String, Bool) {
        guard let id = try arguments.value(of: appeal) else { throw UsageError.required(appeal.definition) }
        return (Int64(id), try TaskActionCommand.requiredText(reason, arguments), arguments.isSet(json))
    }

    static func run(
        _ target: RouteTarget<Staff.AppealDecisionBody, Staff.Appeal>, reason: String, json: Bool,
        context: CommandContext
    ) -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let appeal = try client.send(target, body: Staff.AppealDecisionBody(reason: reason))
            if json {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(appeal))
            } else {
                context.standardOutput.writeLine(
                    "Appeal \(appeal.id) on \(appeal.trackingNumber): \(appeal.status.rawValue).")
            }
        }
    }
}
