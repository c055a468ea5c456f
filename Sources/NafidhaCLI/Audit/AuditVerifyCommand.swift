import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore

/// `nafidha audit verify`: verifies an export file offline, or asks the server to verify the live chains.
struct AuditVerifyCommand: RunnableCommand {
    static let file = Option<String>("file", valueName: "file", help: "An export to verify offline.")
    static let manifest = Option<String>(
        "manifest", valueName: "file", help: "Its manifest. Default: FILE.manifest.json when present.")
    static let full = Flag(
        "full", help: "Live chains: walk every chain from genesis, not from the last intact verification's checkpoint.")

    static let configuration = CommandConfiguration(
        name: "verify",
        abstract: "Verifies the audit chains, in an export file or live through the API.",
        discussion: """
            With --file, recomputes every chain from the file's canonical fields and checks the manifest (SHA-256, \
            counts, each chain's first and last links); prints OK with counts, or the first broken link and exits \
            1. Without --file, asks the server (\(Routes.auditVerify.template), with the credentials of \
            `nafidha login` or NAFIDHA_URL and NAFIDHA_TOKEN) to verify every chain in your scope: each from the \
            checkpoint its last intact verification left, so only new events are walked, or from genesis with \
            --full. Each chain's head is printed as SEQ:HASH, to record as an anchor; events still waiting for the \
            sequencer are counted after it. On the database directly (operators): nafidha admin audit-verify.
            """,
        arguments: [file.definition, manifest.definition, full.definition]
    )

    let filePath: String?
    let manifestPath: String?
    let walksFromGenesis: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        filePath = try arguments.value(of: Self.file)
        manifestPath = try arguments.value(of: Self.manifest)
        walksFromGenesis = arguments.isSet(Self.full)
        if filePath == nil && manifestPath != nil {
            throw UsageError.invalidValue(
                for: Self.manifest.definition, value: manifestPath ?? "", reason: "--manifest needs --file")
        }
        if filePath != nil && walksFromGenesis {
            throw UsageError.invalidValue(
                for: Self.full.definition, value: "",
                reason: "--full is for live chains; a file is always verified whole")
        }
    }

    func run(context: CommandContext) throws -> Int32 {
        guard let filePath else { return verifyThroughAPI(context: context) }
        let path = InstantArgument.absolutePath(filePath, in: context.currentDirectory)
        let manifestFile =
            manifestPath.map { InstantArgument.absolutePath($0, in: context.currentDirectory) }
            ?? (FileManager.default.fileExists(atPath: path + ".manifest.json") ? path + ".manifest.json" : nil)
        var manifest: Audit.ExportManifest?
        if let manifestFile {
            guard let data = FileManager.default.contents(atPath: manifestFile),
                let decoded = try? ContractJSON.decode(Audit.ExportManifest.self, from: Array(data))
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
            for chain in try client.send(Routes.auditVerification(full: walksFromGenesis)).chains {
                broken = broken || !chain.intact
                context.standardOutput.writeLine(Self.line(chain))
            }
        }
        return code != 0 ? code : (broken ? 1 : 0)
    }

    /// One chain's verdict: `OK: TRP 1017 events (checked 14 new since the checkpoint at 1003), head 1017:HASH`, or
    /// `BROKEN: TRP at seq 42: hash_mismatch`; then the events still waiting to be chained, if any.
    static func line(_ chain: Audit.Chain) -> String {
        let waiting = chain.unchainedEvents == 0 ? "" : " (\(chain.unchainedEvents) more waiting to be chained)"
        guard chain.intact else {
            return "BROKEN: \(chain.municipality) at seq \(chain.brokenSeq.map(String.init) ?? "?"): "
                + (chain.problem ?? "?") + waiting
        }
        let length = chain.headSeq ?? chain.fromSeq + chain.eventsChecked
        let news = chain.eventsChecked == 0 ? "nothing new" : "checked \(chain.eventsChecked) new"
        let since = chain.fromSeq > 0 ? " (\(news) since the checkpoint at \(chain.fromSeq))" : ""
        let head = length > 0 ? ", head \(length):\(chain.headHash ?? "?")" : ""
        return "OK: \(chain.municipality) \(length) events\(since)\(head)\(waiting)"
    }
}
