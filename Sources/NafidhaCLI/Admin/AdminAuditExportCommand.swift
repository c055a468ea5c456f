import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore

#if canImport(Glibc)
    import Glibc
#endif

/// `nafidha admin audit-export`: the operator's export, on the database directly (no server, no token), with its
/// manifest beside it.
struct AdminAuditExportCommand: RunnableCommand {
    /// The same flag as `nafidha audit export`'s, with the operator's help.
    static let unmasked = Flag(
        "unmasked", help: "Include applicants' names and national ids in full; recorded in the audit trail.")

    static let configuration = CommandConfiguration(
        name: "audit-export",
        abstract: "Exports audit events to a file with a manifest, on the database directly (operators).",
        discussion: """
            For operators with database credentials, on the server; auditors use nafidha audit export, through the \
            API. Needs --database-url, DATABASE_URL or the --data-dir of an existing cluster (it never creates one). \
            First chains the events waiting for the sequencer, then streams the chained events of [--from, --to) \
            (the whole trail without them) with COPY, in chain order, into FILE and FILE.manifest.json, both \
            readable by you only and put in place only once complete. --unmasked is an operator's act: it is \
            recorded as a personal_data_viewed event with actor kind system and actor operator:ROLE, ROLE being the \
            database role you connected as, and your operating-system account and host in its details.
            """,
        arguments: [
            AuditExportCommand.from.definition, AuditExportCommand.to.definition,
            AuditExportCommand.municipality.definition, AuditExportCommand.format.definition,
            AuditExportCommand.output.definition,
            unmasked.definition,
        ] + AdminDatabase.arguments
    )

    let database: DatabaseOptions
    let options: AuditExportOptions
    let outputPath: String

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        let export = try AuditExportCommand(parsing: arguments)
        database = try DatabaseOptions(parsing: arguments)
        outputPath = export.outputPath
        options = AuditExportOptions(
            from: export.query.from, to: export.query.to, municipality: export.query.municipality,
            format: export.query.format, unmasked: export.query.unmasked)
    }

    func run(context: CommandContext) throws -> Int32 {
        let path = InstantArgument.absolutePath(outputPath, in: context.currentDirectory)
        return try AdminDatabase.withConnection(database, context: context) { connection in
            let file = try PrivateFile(path: path)
            let manifest: Audit.ExportManifest
            do {
                manifest = try AuditExporter.export(
                    options, viewer: .operator(osUser: Self.osUser(context), host: Self.host()),
                    fileName: (path as NSString).lastPathComponent, on: connection, write: file.write)
            } catch let failure as NafidhaError {
                throw CommandFailure(failure.message.en)
            }
            try file.seal()
            try AuditExportFiles.publish(file, manifest: manifest)
            context.standardOutput.writeLine(AuditExportCommand.summary(manifest, path: path))
            return 0
        }
    }

    /// The operating-system account running the command, as this machine names it.
    private static func osUser(_ context: CommandContext) -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return context.environment["USER"] ?? "uid \(geteuid())"
    }

    /// This machine's host name.
    private static func host() -> String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "unknown" }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
