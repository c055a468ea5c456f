import ArgumentParsing
import Foundation
import NafidhaCore

/// `nafidha admin catalog export [--output FILE]`: the live catalog as a catalog file.
struct AdminCatalogExportCommand: RunnableCommand {
    static let output = Option<String>(
        "output", shortName: "o", valueName: "file",
        help: "Write to this file (replaced whole). Default: standard output.")

    static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Writes the live catalog as a catalog file.",
        discussion: """
            The file is UTF-8 JSON laid out the same way every time, so a reviewed change shows only what was \
            edited. Applying it unchanged changes nothing. Disabled services are not in it.
            """,
        arguments: [output.definition] + AdminDatabase.arguments
    )

    let outputPath: String?
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        outputPath = try arguments.value(of: Self.output)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let bytes = try AdminDatabase.withPool(database, context: context, connections: 1) {
            try CatalogFiles(pool: $0).export()
        }
        guard let outputPath else {
            context.standardOutput.write(String(decoding: bytes, as: UTF8.self))
            return 0
        }
        let path = InstantArgument.absolutePath(outputPath, in: context.currentDirectory)
        do {
            // Written beside and renamed over: a reader never sees half a catalog.
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("cannot write the catalog to \(path): \(error.localizedDescription)")
        }
        return 0
    }
}
