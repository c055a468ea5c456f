import ArgumentParsing
import NafidhaContract

/// `nafidha moderate TRACKING (--description | --note ID) (--release | --hide | --redact TEXT) --reason TEXT`:
/// hides, redacts or releases a request's public description or one of its public notes (docs/open311.md,
/// "Moderation").
struct ModerateCommand: RunnableCommand {
    static let tracking = Positional<String>("tracking", help: "The request's tracking number, e.g. TRP-7KQ4-M2XD.")
    static let description = Flag("description", help: "Moderate the request's description (Open311 views).")
    static let note = Option<Int>("note", valueName: "id", help: "Moderate the public note with this id.")
    static let release = Flag("release", help: "Show the text as written (a held description, or an undo).")
    static let hide = Flag("hide", help: "Stop showing the text.")
    static let redact = Option<String>(
        "redact", valueName: "text", help: "Show this text instead (at most 4000 characters).")
    static let reason = Option<String>("reason", valueName: "text", help: "Why (required, one line, at most 500).")
    static let json = Flag("json", help: "Print the moderation as JSON.")

    static let configuration = CommandConfiguration(
        name: "moderate",
        abstract: "Hides, redacts or releases a request's public description or a public note.",
        arguments: [
            tracking.definition, description.definition, note.definition, release.definition, hide.definition,
            redact.definition, reason.definition, json.definition,
        ]
    )

    let trackingNumber: String
    let body: Staff.ModerationBody
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let tracking = try arguments.value(of: Self.tracking), !tracking.isEmpty else {
            throw UsageError.required(Self.tracking.definition)
        }
        trackingNumber = tracking
        let note = try arguments.value(of: Self.note)
        let target: Staff.ModerationTarget
        switch (arguments.isSet(Self.description), note) {
        case (true, .some): throw UsageError.conflict(Self.description.definition, Self.note.definition)
        case (true, nil): target = .description
        case (false, .some): target = .note
        case (false, nil): throw UsageError.required(Self.description.definition)
        }
        let redacted = try arguments.value(of: Self.redact)
        var actions: [(ModerationAction, ArgumentDefinition)] = []
        if arguments.isSet(Self.release) { actions.append((.release, Self.release.definition)) }
        if arguments.isSet(Self.hide) { actions.append((.hide, Self.hide.definition)) }
        if redacted != nil { actions.append((.redact, Self.redact.definition)) }
        guard actions.count <= 1 else { throw UsageError.conflict(actions[0].1, actions[1].1) }
        guard let action = actions.first?.0 else { throw UsageError.required(Self.hide.definition) }
        body = Staff.ModerationBody(
            target: target, note: note.map(Int64.init), action: action, text: redacted,
            reason: try TaskActionCommand.requiredText(Self.reason, arguments))
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let moderation = try client.send(Routes.moderate(trackingNumber), body: body)
            if json {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(moderation))
            } else {
                let what = moderation.note.map { "note \($0)" } ?? "description"
                context.standardOutput.writeLine(
                    "The \(what) of \(moderation.trackingNumber) is now \(moderation.state.rawValue).")
            }
        }
    }
}
