import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore

/// `nafidha admin catalog apply FILE [--dry-run] [--language ar|fr|en]`: validates a catalog file, shows the change
/// it makes, and applies it in one transaction (or, with `--dry-run`, nothing).
struct AdminCatalogApplyCommand: RunnableCommand {
    static let file = Positional<String>("file", help: "The catalog file, or - for standard input.")
    static let dryRun = Flag("dry-run", help: "Validate and show the change; apply nothing.")
    static let language = Option<String>(
        "language", valueName: "ar|fr|en", help: "Language of the problems and the change. Default: en.")

    static let configuration = CommandConfiguration(
        name: "apply",
        abstract: "Validates a catalog file, shows the change, and applies it in one transaction.",
        discussion: """
            Every problem of the file is listed at once (FILE:LINE:COLUMN: PATH: why) and nothing is applied while \
            any remains. The change lists what is added, changed (before → after) and removed, and how many open \
            requests use each changed service: they keep the workflow they were filed with. A removed service that \
            requests name is disabled instead. Each apply is a catalog version ('nafidha admin catalog history') and \
            an audit event in every municipality. A second apply waits for the first (at most 30 s), then fails.
            """,
        arguments: [file.definition, dryRun.definition, language.definition] + AdminDatabase.arguments
    )

    let path: String
    let isDryRun: Bool
    let messageLanguage: Language
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        path = try arguments.value(of: Self.file) ?? ""
        isDryRun = arguments.isSet(Self.dryRun)
        let languageText = try arguments.value(of: Self.language) ?? "en"
        guard let language = Language(rawValue: languageText) else {
            throw UsageError.invalidValue(
                for: Self.language.definition, value: languageText, reason: "expected ar, fr or en")
        }
        messageLanguage = language
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let result = try AdminDatabase.withPool(database, context: context, connections: 1) { pool in
            let bytes = try read(context: context)
            do {
                return try CatalogFiles(pool: pool).apply(
                    bytes, dryRun: isDryRun, by: .operatorOnServer(ProcessInfo.processInfo.userName))
            } catch let error as CatalogFileError {
                throw failure(error, context: context)
            }
        }
        CatalogChangePrinter(language: messageLanguage).print(result, to: context.standardOutput)
        return 0
    }

    /// The file's bytes, refusing one larger than a catalog file may be before reading it.
    private func read(context: CommandContext) throws -> [UInt8] {
        let limit = CatalogFiles.maximumBytes
        if path == "-" {
            let data = FileHandle.standardInput.readData(ofLength: limit + 1)
            guard data.count <= limit else { throw CatalogFailure.tooLarge(name: "standard input", bytes: nil) }
            return Array(data)
        }
        let absolute = InstantArgument.absolutePath(path, in: context.currentDirectory)
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: absolute)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= limit else { throw CatalogFailure.tooLarge(name: path, bytes: size) }
            return Array(try Data(contentsOf: URL(fileURLWithPath: absolute)))
        } catch let failure as CatalogFailure {
            throw failure.command
        } catch {
            throw CommandFailure("cannot read the catalog file \(absolute): \(error.localizedDescription)")
        }
    }

    /// Lists every problem on standard error, `FILE:LINE:COLUMN: PATH: why`, then gives the one `Error:` line.
    private func failure(_ error: CatalogFileError, context: CommandContext) -> CommandFailure {
        switch error {
        case .invalid(let problems, let more):
            let name = path == "-" ? "<stdin>" : path
            for problem in problems {
                let place = problem.position.map { "\(name):\($0.line):\($0.column)" } ?? name
                context.standardError.writeLine(
                    "\(place): \(problem.path): \(problem.message.text(in: messageLanguage))")
            }
            let count = problems.count + more
            return CommandFailure(
                "\(name) has \(count) problem\(count == 1 ? "" : "s")"
                    + (more > 0 ? " (the first \(problems.count) listed)" : "") + "; nothing was applied")
        case .tooLarge(let bytes):
            return CatalogFailure.tooLarge(name: path, bytes: bytes).command
        case .busy:
            return CommandFailure("another catalog apply is in progress; nothing was applied, run it again shortly")
        }
    }
}

/// A catalog file refused before it is read.
private enum CatalogFailure: Error {
    case tooLarge(name: String, bytes: Int?)

    var command: CommandFailure {
        switch self {
        case .tooLarge(let name, let bytes):
            CommandFailure(
                "\(name) is \(bytes.map { "\($0) bytes" } ?? "too large"); a catalog file is at most "
                    + "\(CatalogFiles.maximumBytes) bytes")
        }
    }
}
