import Foundation
import NafidhaCore
import TestSupport
import Testing

@Suite("nafidha audit")
struct AuditExportCommandTests {
    @Test("export writes a file and its manifest that verify offline; an edited copy fails with exit 1")
    func exportThenVerify() throws {
        try TestDatabase.withDemoCatalog { database in
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let connection = try database.connect()
            for municipality in ["TRP", "BEN", "TRP"] {
                try AuditLog.append(
                    on: connection, municipality: municipality, actorKind: .clerk, actor: "amal.t",
                    action: .approved, requestID: nil, details: ["note": .string("سطر, \"ثاني\"")])
            }
            let export = runNafidha(
                [
                    "audit", "export", "--database-url", database.url, "--from", "2000-01-01", "--to", "2100-01-01",
                    "--format", "csv", "--output", "trail.csv",
                ],
                currentDirectory: folder.path
            )
            #expect(export.code == 0, "stderr: \(export.error)")
            #expect(
                export.output.hasPrefix("Exported 3 events in 2 chains to \(folder.path)/trail.csv (masked, sha256 "))
            #expect(FileManager.default.fileExists(atPath: folder.path + "/trail.csv.manifest.json"))
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/trail.csv.partial"))

            let verify = runNafidha(["audit", "verify", "--file", "trail.csv"], currentDirectory: folder.path)
            #expect(verify.code == 0)
            #expect(verify.output.hasPrefix("OK: 3 events in 2 chains, manifest matches; heads BEN 1:"))

            let path = folder.path + "/trail.csv"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "amal.t", with: "amal.z").write(
                toFile: path, atomically: true, encoding: .utf8)
            let broken = runNafidha(["audit", "verify", "--file", path])
            #expect(broken.code == 1)
            #expect(broken.output == "BROKEN at line 2 (BEN seq 1): hash_mismatch\n")

            let live = runNafidha(["audit", "verify", "--database-url", database.url])
            #expect(live.code == 0)
            #expect(live.output.contains("OK: TRP 2 events\n"))
        }
    }

    @Test("status counts the events waiting and shows the heads; sequence chains them; verify says what waits")
    func statusAndSequence() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            for municipality in ["TRP", "BEN", "TRP"] {
                try AuditLog.append(
                    on: connection, municipality: municipality, actorKind: .system, actor: "nafidha",
                    action: .escalated, requestID: nil)
            }
            let waiting = runNafidha(["audit", "status", "--database-url", database.url])
            #expect(waiting.code == 0, "stderr: \(waiting.error)")
            let lines = waiting.output.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix("Waiting to be chained: 3 event(s), the oldest for ") == true)
            #expect(lines.dropFirst().first?.hasPrefix("BEN head 0 (genesis); 1 waiting, the oldest for ") == true)
            let unverified = runNafidha(["audit", "verify", "--database-url", database.url])
            #expect(unverified.output.contains("OK: TRP 0 events (2 more waiting to be chained)\n"))

            let sequence = runNafidha(["audit", "sequence", "--database-url", database.url])
            #expect(sequence.code == 0 && sequence.output == "Chained 3 audit event(s).\n", "\(sequence.error)")
            let chained = runNafidha(["audit", "status", "--database-url", database.url]).output
            let head = try connection.query(
                "SELECT encode(last_hash, 'hex') AS h FROM audit_chain_heads WHERE municipality_code = 'TRP'"
            )[0].decode("h", as: String.self)
            #expect(chained.hasPrefix("Waiting to be chained: none.\nBEN head 1:"))
            #expect(chained.contains("TRP head 2:\(head), last event at 20"))
            #expect(chained.hasSuffix("; 0 waiting\n"))
            let verified = runNafidha(["audit", "verify", "--database-url", database.url])
            #expect(verified.code == 0 && verified.output.contains("OK: TRP 2 events\n"))
        }
    }

    @Test("bad arguments exit 64: --unmasked without --actor, a backwards range, an unknown format")
    func usageErrors() {
        let base = ["audit", "export", "--database-url", "postgresql://x@localhost/y", "--output", "f"]
        let unmasked = runNafidha(base + ["--from", "2026-01-01", "--to", "2026-02-01", "--unmasked"])
        #expect(unmasked.code == 64 && unmasked.error.contains("--unmasked needs --actor"))
        let backwards = runNafidha(base + ["--from", "2026-02-01", "--to", "2026-01-01"])
        #expect(backwards.code == 64 && backwards.error.contains("--to must come after --from"))
        let format = runNafidha(base + ["--from", "2026-01-01", "--to", "2026-02-01", "--format", "xml"])
        #expect(format.code == 64 && format.error.contains("expected jsonl or csv"))
        let missing = runNafidha(["audit", "verify", "--file", "/nonexistent/export.jsonl"])
        #expect(missing.code == 1 && missing.error.hasPrefix("Warning: no manifest"))
    }

    @Test("verify without a file asks the server, and says so when no server is configured")
    func verifyThroughAPIWithoutCredentials() {
        let run = runNafidha(["audit", "verify"], environment: ["HOME": "/nonexistent"])
        #expect(run.code == 64, "stderr: \(run.error)")
        #expect(run.error.hasPrefix("Error: "))
    }
}
