import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore

/// `nafidha audit export`: downloads an export of the audit trail through the API into a file, with its manifest
/// beside it, checking the file's SHA-256 against the server's manifest before keeping either.
struct AuditExportCommand: RunnableCommand {
    static let from = Option<String>(
        "from", valueName: "date",
        help: "Start of the range, inclusive (2026-03-01 or an ISO 8601 instant). Default: the first event.")
    static let to = Option<String>(
        "to", valueName: "date", help: "End of the range, exclusive. Default: everything chained so far.")
    static let municipality = Option<String>(
        "municipality", valueName: "code", help: "Only this municipality's chain (e.g. TRP).")
    static let format = Option<String>("format", valueName: "jsonl|csv", help: "The file format. Default: jsonl.")
    static let output = Option<String>(
        "output", shortName: "o", valueName: "file", help: "The file to write; the manifest goes to FILE.manifest.json."
    )
    static let unmasked = Flag(
        "unmasked",
        help:
            "Include applicants' names and national ids in full (auditors and admins only); recorded in the audit trail under your login."
    )

    static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Exports audit events through the API to a file with a manifest.",
        discussion: """
            Asks the server (\(Routes.auditExport.template), with the credentials of `nafidha login` or NAFIDHA_URL \
            and NAFIDHA_TOKEN of an auditor, supervisor or admin) to stream the chained events of [--from, --to), \
            the whole trail without them, in chain order. Names are masked to initials and national ids to their \
            last four digits unless --unmasked, which only auditors and admins may ask for and which the server \
            records as a personal_data_viewed event naming you. The file is written under a temporary name, readable \
            by you only (0600), its SHA-256 computed as it arrives and checked against the server's manifest; only \
            then are FILE and FILE.manifest.json put in place. A cut stream or a mismatch leaves neither and exits 1. \
            `nafidha audit verify --file FILE` checks them offline.
            """,
        arguments: [
            from.definition, to.definition, municipality.definition, format.definition, output.definition,
            unmasked.definition,
        ]
    )

    let query: Audit.ExportQuery
    let outputPath: String

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        let from = try Self.instant(arguments, Self.from)
        let to = try Self.instant(arguments, Self.to)
        if let from, let to, from >= to {
            throw UsageError.invalidValue(
                for: Self.to.definition, value: try arguments.value(of: Self.to) ?? "",
                reason: "--to must come after --from")
        }
        let formatText = try arguments.value(of: Self.format) ?? Audit.ExportFormat.jsonl.rawValue
        guard let format = Audit.ExportFormat(rawValue: formatText) else {
            throw UsageError.invalidValue(
                for: Self.format.definition, value: formatText, reason: "expected jsonl or csv")
        }
        guard let output = try arguments.value(of: Self.output), !output.isEmpty else {
            throw UsageError.invalidValue(for: Self.output.definition, value: "", reason: "this option is required")
        }
        outputPath = output
        query = Audit.ExportQuery(
            format: format, from: from, to: to, municipality: try arguments.value(of: Self.municipality),
            unmasked: arguments.isSet(Self.unmasked))
    }

    /// An optional `--from`/`--to`: a date or an ISO 8601 instant with a zone.
    static func instant(_ arguments: ParsedArguments, _ option: Option<String>) throws(UsageError) -> Date? {
        guard let text = try arguments.value(of: option) else { return nil }
        guard let date = InstantArgument.parse(text) else {
            throw UsageError.invalidValue(
                for: option.definition, value: text, reason: "expected 2026-03-01 or an ISO 8601 instant")
        }
        return date
    }

    func run(context: CommandContext) throws -> Int32 {
        let path = InstantArgument.absolutePath(outputPath, in: context.currentDirectory)
        let manifest: Audit.ExportManifest
        do {
            let client = StaffClient(
                credentials: try ClientCredentials.resolve(context: context), environment: context.environment)
            manifest = try Self.download(query, to: path, with: client)
        } catch let failure as ClientFailure {
            context.standardError.writeLine("Error: \(failure)")
            return failure.exitCode
        }
        context.standardOutput.writeLine(Self.summary(manifest, path: path))
        return 0
    }

    /// Streams the export into a private temporary file while hashing it, fetches the manifest, and puts the file
    /// and the manifest in place only when the hashes agree.
    static func download(_ query: Audit.ExportQuery, to path: String, with client: StaffClient) throws
        -> Audit.ExportManifest
    {
        let file = try PrivateFile(path: path)
        let digest = StreamingSHA256()
        let id = try AuditExportDownload(client: client).run(Routes.auditExport(query)) { piece in
            digest.update(piece)
            try file.write(piece)
        }
        var manifest = try client.send(Routes.auditExportManifest(export: id))
        let sha256 = digest.finalHex()
        guard manifest.sha256.lowercased() == sha256 else {
            throw CommandFailure(
                "the file received has SHA-256 \(sha256), the server sent \(manifest.sha256): it was damaged on the way; "
                    + "nothing was kept")
        }
        manifest.file = (path as NSString).lastPathComponent
        try file.seal()
        try AuditExportFiles.publish(file, manifest: manifest)
        return manifest
    }

    /// `Exported 7 events in 2 chains to /x/trail.jsonl (masked, sha256 ...); manifest /x/trail.jsonl.manifest.json`,
    /// and the events left out because they still waited to be chained, if any.
    static func summary(_ manifest: Audit.ExportManifest, path: String) -> String {
        let waiting = manifest.unchainedEventCount ?? 0
        return "Exported \(manifest.eventCount) events in \(manifest.chains.count) chains to \(path) "
            + "(\(manifest.masked ? "masked" : "unmasked"), sha256 \(manifest.sha256)); manifest \(path).manifest.json"
            + (waiting > 0 ? "; \(waiting) event(s) still waiting to be chained are not in it" : "")
    }
}
