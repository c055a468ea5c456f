import ArgumentParsing
import Foundation
import NafidhaContract

/// `nafidha documents TRACKING`: a request's documents (an audited access to personal data).
struct DocumentsCommand: RunnableCommand {
    static let tracking = Positional<String>("tracking", help: "The tracking number, e.g. TRP-7KQ4-M2XD.")
    static let json = Flag("json", help: "Print the server's JSON.")

    static let configuration = CommandConfiguration(
        name: "documents",
        abstract: "Lists the documents of a request in your scope.",
        discussion: """
            One line per document: its id (for nafidha download), type, media type, size, SHA-256 and when it was \
            attached. The listing is recorded in the audit trail (personal_data_viewed).
            """,
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
            let list = try client.send(Routes.staffDocuments(trackingNumber))
            guard !json else {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(list))
                return
            }
            guard !list.documents.isEmpty else {
                context.standardOutput.writeLine("No documents.")
                return
            }
            var table = TerminalTable(headers: ["DOCUMENT", "TYPE", "MEDIA TYPE", "BYTES", "SHA-256", "ATTACHED (UTC)"])
            table.rows = list.documents.map { document in
                [
                    String(document.id), document.type, document.mediaType, String(document.size), document.sha256,
                    ClerkCommandRunner.minute(document.attachedAt),
                ]
            }
            context.standardOutput.writeLine(table.render(style: TerminalStyle(context: context)))
        }
    }
}
