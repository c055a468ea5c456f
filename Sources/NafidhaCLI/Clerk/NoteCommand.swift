import ArgumentParsing
import NafidhaContract

/// `nafidha note TRACKING --text TEXT [--public]`: a note on a request, internal unless `--public`.
struct NoteCommand: RunnableCommand {
    static let tracking = Positional<String>("tracking", help: "The request's tracking number, e.g. TRP-7KQ4-M2XD.")
    static let text = Option<String>("text", valueName: "text", help: "The note (required, at most 4000 characters).")
    static let isPublic = Flag("public", help: "Show the note on the citizen's timeline (default: staff only).")
    static let json = Flag("json", help: "Print the stored note as JSON.")

    static let configuration = CommandConfiguration(
        name: "note",
        abstract: "Adds a note to a request: internal, or public on the citizen's timeline.",
        arguments: [tracking.definition, text.definition, isPublic.definition, json.definition]
    )

    let trackingNumber: String
    let text: String
    let isPublic: Bool
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let tracking = try arguments.value(of: Self.tracking), !tracking.isEmpty else {
            throw UsageError.required(Self.tracking.definition)
        }
        trackingNumber = tracking
        text = try TaskActionCommand.requiredText(Self.text, arguments)
        isPublic = arguments.isSet(Self.isPublic)
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let note = try client.send(
                Routes.addNote(trackingNumber), body: Staff.NoteBody(text: text, public: isPublic))
            if json {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(note))
            } else {
                let visibility = note.isPublic ? "public" : "internal"
                context.standardOutput.writeLine("Added \(visibility) note \(note.id) to \(note.trackingNumber).")
            }
        }
    }
}
