import ArgumentParsing
import Foundation
import NafidhaCore
import Postgres

/// `nafidha audit export`: streams a range of audit events to a file, with its manifest beside it.
struct AuditExportCommand: RunnableCommand {
    static let from = Option<String>(
        "from", valueName: "date", help: "Start of the range, inclusive (2026-03-01 or an ISO 8601 instant).")
    static let to = Option<String>("to", valueName: "date", help: "End of the range, exclusive.")
    static let municipality = Option<String>(
        "municipality", valueName: "code", help: "Only this municipality's chain (e.g. TRP).")
    static let format = Option<String>("format", valueName: "jsonl|csv", help: "The file format. Default: jsonl.")
    static let output = Option<String>(
        "output", shortName: "o", valueName: "file", help: "The file to write; the manifest goes to FILE.manifest.json."
    )
    static let unmasked = Flag(
        "unmasked",
        help:
            "Include applicants' names and national ids in full (--actor must be an active auditor or admin); recorded in the audit trail."
    )
    static let actor = Option<String>(
        "actor", valueName: "login", help: "Who exports (required with --unmasked), recorded in the trail.")

    static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Exports audit events to a file with a manifest.",
        discussion: """
            First chains the events waiting for the sequencer, then streams the chained events of [--from, --to) \
            with COPY, in chain order, so memory stays flat. Names are masked to initials and national ids to \
            their last four digits unless --unmasked. The manifest holds the event count, first and last ids, each \
            chain's bounds and live head, the events still waiting to be chained, and the file's SHA-256; \
            `nafidha audit verify --file FILE` checks them offline.
            """,
        arguments: [
            DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition, from.definition,
            to.definition, municipality.definition, format.definition, output.definition, unmasked.definition,
            actor.definition,
        ]
    )

    let database: DatabaseOptions
    let options: AuditExportOptions
    let outputPath: String

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
        let from = try Self.instant(arguments, Self.from)
        let to = try Self.instant(arguments, Self.to)
        guard from < to else {
            throw UsageError.invalidValue(
                for: Self.to.definition, value: try arguments.value(of: Self.to) ?? "",
                reason: "--to must come after --from")
        }
        let formatText = try arguments.value(of: Self.format) ?? "jsonl"
        guard let format = AuditExportFormat(rawValue: formatText) else {
            throw UsageError.invalidValue(
                for: Self.format.definition, value: formatText, reason: "expected jsonl or csv")
        }
        guard let output = try arguments.value(of: Self.output), !output.isEmpty else {
            throw UsageError.invalidValue(for: Self.output.definition, value: "", reason: "this option is required")
        }
        let unmasked = arguments.isSet(Self.unmasked)
        let actor = try arguments.value(of: Self.actor)
        if unmasked && (actor ?? "").isEmpty {
            throw UsageError.invalidValue(for: Self.actor.definition, value: "", reason: "--unmasked needs --actor")
        }
        outputPath = output
        options = AuditExportOptions(
            from: from, to: to, municipality: try arguments.value(of: Self.municipality), format: format,
            unmasked: unmasked, actor: actor ?? "nafidha"
        )
    }

    private static func instant(_ arguments: ParsedArguments, _ option: Option<String>) throws(UsageError) -> Date {
        guard let text = try arguments.value(of: option) else {
            throw UsageError.invalidValue(for: option.definition, value: "", reason: "this option is required")
        }
        guard let date = InstantArgument.parse(text) else {
            throw UsageError.invalidValue(
                for: option.definition, value: text, reason: "expected 2026-03-01 or an ISO 8601 instant")
        }
        return date
    }

    func run(context: CommandContext) throws -> Int32 {
        let path = InstantArgument.absolutePath(outputPath, in: context.currentDirectory)
        let partial = path + ".partial"
        let opened = try database.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(
            context: context)
        defer { try? opened.close() }
        let connection = try opened.connect()
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else {
            throw CommandFailure("cannot create \(partial)")
        }
        let manifest: AuditExportManifest
        do {
            manifest = try AuditExporter.export(options, fileName: (path as NSString).lastPathComponent, on: connection)
            {
                try handle.write(contentsOf: Data($0))
            }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            if let failure = error as? NafidhaError { throw CommandFailure(failure.message.en) }
            throw error
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(manifest) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path + ".manifest.json"))
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        context.standardOutput.writeLine(
            "Exported \(manifest.eventCount) events in \(manifest.chains.count) chains to \(path) "
                + "(\(manifest.masked ? "masked" : "unmasked"), sha256 \(manifest.sha256)); manifest \(path).manifest.json"
        )
        return 0
    }
}
