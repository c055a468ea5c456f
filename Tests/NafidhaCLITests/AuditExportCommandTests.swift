import Foundation
import NafidhaCore
import TestSupport
import Testing

/// The audit commands that work on the database directly (operators: `nafidha admin audit-export`,
/// `admin audit-verify`, `audit status`, `audit sequence`), and the arguments of `nafidha audit`.
@Suite("nafidha audit (operators, arguments)")
struct AuditExportCommandTests {
    @Test("admin audit-export writes a file and its manifest that verify offline; an edited copy fails with exit 1")
    func operatorExportThenVerify() throws {
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
                    "admin", "audit-export", "--database-url", database.url, "--from", "2000-01-01", "--to",
                    "2100-01-01", "--format", "csv", "--output", "trail.csv",
                ],
                currentDirectory: folder.path
            )
            #expect(export.code == 0, "stderr: \(export.error)")
            #expect(
                export.output.hasPrefix("Exported 3 events in 2 chains to \(folder.path)/trail.csv (masked, sha256 "))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                    "trail.csv", "trail.csv.manifest.json",
                ])
            for name in ["trail.csv", "trail.csv.manifest.json"] {
                let mode = try FileManager.default.attributesOfItem(atPath: folder.path + "/" + name)[.posixPermissions]
                #expect(mode as? Int == 0o600, "\(name)")
            }

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

            let live = runNafidha(["admin", "audit-verify", "--database-url", database.url])
            #expect(live.code == 0)
            #expect(live.output.contains("OK: TRP 2 events, head 2:"))
        }
    }

    @Test("an operator's unmasked export is recorded as operator:ROLE, and the whole trail is exported without range")
    func operatorUnmasked() throws {
        try TestDatabase.withDemoCatalog { database in
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let connection = try database.connect()
            try AuditLog.append(
                on: connection, municipality: "BEN", actorKind: .system, actor: "nafidha", action: .escalated,
                requestID: nil)
            let export = runNafidha(
                ["admin", "audit-export", "--database-url", database.url, "--unmasked", "--output", "all.jsonl"],
                currentDirectory: folder.path)
            #expect(export.code == 0, "stderr: \(export.error)")
            #expect(export.output.contains("Exported 2 events in 1 chains") && export.output.contains("(unmasked,"))
            let viewed = try connection.query(
                "SELECT actor_kind, actor = 'operator:' || session_user AS named FROM audit_events "
                    + "WHERE action = 'personal_data_viewed'")
            #expect(viewed.count == 1)
            #expect(try viewed[0].decode("actor_kind", as: String.self) == "system")
            #expect(try viewed[0].decode("named", as: Bool.self))
        }
    }

    @Test("status counts the events waiting and shows the heads; sequence chains them; admin audit-verify says so")
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
            let unverified = runNafidha(["admin", "audit-verify", "--database-url", database.url])
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
            let verified = runNafidha([
                "admin", "audit-verify", "--database-url", database.url, "--municipality", "TRP",
            ])
            #expect(verified.code == 0 && verified.output == "OK: TRP 2 events, head 2:\(head)\n")
            let again = runNafidha(["admin", "audit-verify", "--database-url", database.url, "--municipality", "TRP"])
            #expect(again.output == "OK: TRP 2 events (nothing new since the checkpoint at 2), head 2:\(head)\n")
        }
    }

    @Test("operator commands never create a cluster: no database named or an empty --data-dir is exit 69 naming it")
    func operatorCommandsNeedADatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for command in [
            ["admin", "audit-export", "--output", "x.jsonl"], ["admin", "audit-verify"], ["audit", "status"],
        ] {
            let none = runNafidha(command, currentDirectory: folder.path)
            #expect(
                none.code == 69 && none.error.hasPrefix("Error: no database: the default data folder"),
                "\(command): \(none.error)")
            let empty = runNafidha(command + ["--data-dir", folder.path + "/pg"], currentDirectory: folder.path)
            #expect(
                empty.code == 69 && empty.error.contains("\(folder.path)/pg (--data-dir) does not exist"),
                "\(empty.error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("bad arguments exit 64: --actor and --database-url are gone from audit export, a backwards range, a format")
    func usageErrors() {
        let base = ["audit", "export", "--output", "f"]
        let actor = runNafidha(base + ["--unmasked", "--actor", "amal"])
        #expect(actor.code == 64 && actor.error.contains("--actor"), "\(actor.error)")
        let database = runNafidha(base + ["--database-url", "postgresql://x@localhost/y"])
        #expect(database.code == 64 && database.error.contains("--database-url"), "\(database.error)")
        let backwards = runNafidha(base + ["--from", "2026-02-01", "--to", "2026-01-01"])
        #expect(backwards.code == 64 && backwards.error.contains("--to must come after --from"))
        let format = runNafidha(base + ["--format", "xml"])
        #expect(format.code == 64 && format.error.contains("expected jsonl or csv"))
        let output = runNafidha(["audit", "export"])
        #expect(output.code == 64 && output.error.contains("--output"))
        let full = runNafidha(["audit", "verify", "--file", "x.jsonl", "--full"])
        #expect(full.code == 64)
        let missing = runNafidha(["audit", "verify", "--file", "/nonexistent/export.jsonl"])
        #expect(missing.code == 1 && missing.error.hasPrefix("Warning: no manifest"))
    }

    @Test("export and verify without a file ask the server, and say so when no server is configured")
    func throughAPIWithoutCredentials() {
        for command in [["audit", "verify"], ["audit", "export", "--output", "/tmp/never.jsonl"]] {
            let run = runNafidha(command, environment: ["HOME": "/nonexistent"])
            #expect(run.code == 64, "stderr: \(run.error)")
            #expect(run.error.hasPrefix("Error: no server configured"))
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.jsonl"))
    }
}
