import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore
import Postgres

/// `nafidha audit verify`: verifies an export file offline, or the live chains in the database.
struct AuditVerifyCommand: RunnableCommand {
    static let file = Option<String>("file", valueName: "file", help: "An export to verify offline.")
    static let manifest = Option<String>(
        "manifest", valueName: "file", help: "Its manifest. Default: FILE.manifest.json when present.")

    static let configuration = CommandConfiguration(
        name: "verify",
        abstract: "Verifies the audit chains, in an export file or in the database.",
        discussion: """
            With --file, recomputes every chain from the file's canonical fields and checks the manifest (SHA-256, \
            counts, each chain's first and last links); prints OK with counts, or the first broken link and exits \
            1. Without --file, asks the server (\(Routes.auditVerify.template), with the credentials of \
            `nafidha login` or NAFIDHA_URL and NAFIDHA_TOKEN) to recompute every chain in your scope; with \
            --database-url or --data-dir, recomputes them in that database directly. Live chains hold the events \
            chained so far; the events still waiting for the sequencer are counted after each chain.
            """,
        arguments: [
            DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition, file.definition,
            manifest.definition,
        ]
    )

    let database: DatabaseOptions
    let filePath: String?
    let manifestPath: String?

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
        filePath = try arguments.value(of: Self.file)
        manifestPath = try arguments.value(of: Self.manifest)
        if filePath == nil && manifestPath != nil {
            throw UsageError.invalidValue(
                for: Self.manifest.definition, value: manifestPath ?? "", reason: "--manifest needs --file")
        }
    }

    func run(context: CommandContext) throws -> Int32 {
        guard let filePath else {
            if database.url == nil && database.dataDirectory == nil { return verifyThroughAPI(context: context) }
            return try verifyDatabase(context: context)
        }
        let path = InstantArgument.absolutePath(filePath, in: context.currentDirectory)
        let manifestFile =
            manifestPath.map { InstantArgument.absolutePath($0, in: context.currentDirectory) }
            ?? (FileManager.default.fileExists(atPath: path + ".manifest.json") ? path + ".manifest.json" : nil)
        var manifest: AuditExportManifest?
        if let manifestFile {
            guard let data = FileManager.default.contents(atPath: manifestFile),
                let decoded = try? JSONDecoder().decode(AuditExportManifest.self, from: data)
            else {
                throw CommandFailure("cannot read the manifest \(manifestFile)")
            }
            manifest = decoded
        } else {
            context.standardError.writeLine(
                "Warning: no manifest; a file cut after a chain's last event cannot be detected")
        }
        let result: AuditFileVerification
        do {
            result = try AuditFileVerifier().verify(fileAt: path, manifest: manifest)
        } catch let error as NafidhaError {
            throw CommandFailure("\(error.message.en) (\(path))")
        }
        if let problem = result.problem {
            var place = problem.line > 0 ? "line \(problem.line)" : "the file"
            if let code = problem.municipality { place += " (\(code)\(problem.seq.map { " seq \($0)" } ?? ""))" }
            context.standardOutput.writeLine("BROKEN at \(place): \(problem.code)")
            return 1
        }
        let heads = result.chains.map { "\($0.municipalityCode) \($0.lastSeq):\($0.lastHash)" }.joined(separator: ", ")
        context.standardOutput.writeLine(
            "OK: \(result.eventCount) events in \(result.chains.count) chains"
                + (result.checkedManifest ? ", manifest matches" : "") + (heads.isEmpty ? "" : "; heads \(heads)")
        )
        return 0
    }

    private func verifyThroughAPI(context: CommandContext) -> Int32 {
        var broken = false
        let code = ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            for chain in try client.send(Routes.auditVerify.target()).chains {
                if chain.intact {
                    context.standardOutput.writeLine(
                        "OK: \(chain.municipality) \(chain.eventsChecked) events" + Self.waiting(chain.unchainedEvents))
                } else {
                    broken = true
                    context.standardOutput.writeLine(
                        "BROKEN: \(chain.municipality) at seq \(chain.brokenSeq.map(String.init) ?? "?"): "
                            + (chain.problem ?? "?"))
                }
            }
        }
        return code != 0 ? code : (broken ? 1 : 0)
    }

    private func verifyDatabase(context: CommandContext) throws -> Int32 {
        let opened = try database.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(
            context: context)
        defer { try? opened.close() }
        let connection = try opened.connect()
        var broken = false
        for chain in try AuditLog.verifyAll(on: connection) {
            if chain.intact {
                context.standardOutput.writeLine(
                    "OK: \(chain.municipality) \(chain.eventsChecked) events" + Self.waiting(chain.unchainedEvents))
            } else {
                broken = true
                context.standardOutput.writeLine(
                    "BROKEN: \(chain.municipality) at seq \(chain.brokenSequence.map(String.init) ?? "?"): \(chain.problem ?? "?")"
                )
            }
        }
        return broken ? 1 : 0
    }

    /// `" (3 more waiting to be chained)"`, or nothing when none waits: live verification checks chained events only.
    static func waiting(_ count: Int64) -> String {
        count == 0 ? "" : " (\(count) more waiting to be chained)"
    }
}
