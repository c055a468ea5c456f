import Foundation
import HTTP
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing
import Transparency

/// `nafidha audit export` and `nafidha audit verify` as clients of a real server: the export streamed into a private
/// file checked against the server's manifest, and nothing left behind when the stream is cut or the hashes differ.
@Suite("nafidha audit through the API")
struct AuditExportThroughAPITests {
    /// The environment of a staff session: the server's URL and a fresh token of a new member.
    private static func session(
        _ world: StaffTestWorld, url: String, _ name: String, _ role: StaffRole, municipalities: [String] = [],
        sectors: [String] = []
    ) throws -> [String: String] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return ["NAFIDHA_URL": url, "NAFIDHA_TOKEN": try world.directory.issueToken(forStaff: name).text]
    }

    /// A TRP request with personal data, three chained events on it and one in BEN.
    private static func trail(_ world: StaffTestWorld) throws {
        let request: Int64 = try world.query(
            """
            INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code, applicant_name,
                                  applicant_national_id, fields, channel, workflow)
            VALUES ('TRP-7KQ4-M2XD', sha256('t'::bytea), 'residence_certificate', 'TRP', 'Amal Ben Ali',
                    '119900012345', '{}', 'api', '{}') RETURNING id
            """
        )[0].decode("id")
        try world.pool.withConnection { connection in
            for municipality in ["TRP", "TRP", "BEN", "TRP"] {
                try AuditLog.append(
                    on: connection, municipality: municipality, actorKind: .clerk, actor: "amal.t", action: .approved,
                    requestID: municipality == "TRP" ? request : nil, details: ["note": .string("a,\"b\"\nc")])
            }
        }
        try sequenceAudit(world.pool)
    }

    private static func files(in folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("an auditor's export, JSON lines and CSV, lands as two 0600 files that verify offline")
    func roundTrip() throws {
        try ClerkEndToEndTests.withServer { world, url in
            try Self.trail(world)
            let auditor = try Self.session(world, url: url, "odette", .auditor)
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            for format in ["jsonl", "csv"] {
                let name = "trail." + format
                let export = runNafidha(
                    ["audit", "export", "--format", format, "--output", name], environment: auditor,
                    currentDirectory: folder.path)
                #expect(export.code == 0, "\(format): \(export.error)")
                #expect(export.output.hasPrefix("Exported 4 events in 2 chains to \(folder.path)/\(name) (masked, "))
                for file in [name, name + ".manifest.json"] {
                    let mode = try FileManager.default.attributesOfItem(atPath: folder.path + "/" + file)[
                        .posixPermissions]
                    #expect(mode as? Int == 0o600, "\(file)")
                }
                let text = try String(contentsOfFile: folder.path + "/" + name, encoding: .utf8)
                #expect(text.contains("A. B. A.") && text.contains("2345") && !text.contains("Amal"))
                let manifest = try ContractJSON.decode(
                    Audit.ExportManifest.self,
                    from: Array(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + name + ".manifest.json")))
                )
                #expect(manifest.file == name && manifest.from == nil && manifest.masked && manifest.eventCount == 4)

                let verify = runNafidha(["audit", "verify", "--file", name], currentDirectory: folder.path)
                #expect(verify.code == 0, "\(verify.output)")
                #expect(verify.output.hasPrefix("OK: 4 events in 2 chains, manifest matches; heads BEN 1:"))
            }
            #expect(
                try Self.files(in: folder) == [
                    "trail.csv", "trail.csv.manifest.json", "trail.jsonl", "trail.jsonl.manifest.json",
                ])
        }
    }

    @Test("unmasked by the token's role: an auditor yes, recorded under their login; a supervisor and a clerk no")
    func unmaskedByRole() throws {
        try ClerkEndToEndTests.withServer { world, url in
            try Self.trail(world)
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let supervisor = try Self.session(world, url: url, "samir", .supervisor, municipalities: ["TRP"])
            let refused = runNafidha(
                ["audit", "export", "--unmasked", "--output", "s.jsonl"], environment: supervisor,
                currentDirectory: folder.path)
            #expect(refused.code == 1 && refused.error.contains("(unmasked_not_allowed)"), "\(refused.error)")
            let clerk = try Self.session(
                world, url: url, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let clerkRun = runNafidha(
                ["audit", "export", "--output", "c.jsonl"], environment: clerk, currentDirectory: folder.path)
            #expect(clerkRun.code == 1 && clerkRun.error.contains("(reports_not_allowed)"), "\(clerkRun.error)")
            #expect(try Self.files(in: folder).isEmpty)

            let masked = runNafidha(
                ["audit", "export", "--output", "s.jsonl"], environment: supervisor, currentDirectory: folder.path)
            #expect(masked.code == 0 && masked.output.contains("Exported 3 events in 1 chains"), "\(masked.error)")

            let auditor = try Self.session(world, url: url, "odette", .auditor)
            let export = runNafidha(
                ["audit", "export", "--unmasked", "--municipality", "TRP", "--output", "a.jsonl"],
                environment: auditor, currentDirectory: folder.path)
            #expect(export.code == 0, "\(export.error)")
            let text = try String(contentsOfFile: folder.path + "/a.jsonl", encoding: .utf8)
            #expect(text.contains(#""applicant_name":"Amal Ben Ali","applicant_national_id":"119900012345""#))
            let viewed = try world.query(
                """
                SELECT actor_kind, actor, municipality_code, seq IS NOT NULL AS chained FROM audit_events
                 WHERE action = 'personal_data_viewed'
                """)
            #expect(viewed.count == 1)
            #expect(try viewed[0].decode("actor", as: String.self) == "odette")
            #expect(try viewed[0].decode("actor_kind", as: String.self) == "auditor")
            #expect(try viewed[0].decode("municipality_code", as: String.self) == "TRP")
            #expect(text.contains(#""actor":"odette""#), "the viewing is itself in the export")
        }
    }

    @Test("verify without a file asks the server for the chains in scope, from the checkpoint or in full")
    func verifyThroughAPI() throws {
        try ClerkEndToEndTests.withServer { world, url in
            try Self.trail(world)
            let supervisor = try Self.session(world, url: url, "samir", .supervisor, municipalities: ["TRP"])
            let first = runNafidha(["audit", "verify"], environment: supervisor)
            #expect(first.code == 0, "\(first.error)")
            #expect(
                first.output.hasPrefix("OK: TRP 3 events, head 3:") && first.output.split(separator: "\n").count == 1)
            let again = runNafidha(["audit", "verify"], environment: supervisor)
            #expect(again.output.hasPrefix("OK: TRP 3 events (nothing new since the checkpoint at 3), head 3:"))
            let full = runNafidha(["audit", "verify", "--full"], environment: supervisor)
            #expect(full.output == first.output)
        }
    }

    /// A stand-in server whose export streams `body` and is then cut (or not), and whose manifest claims `sha256`.
    static func withFakeServer(
        body: [UInt8], cut: Bool, sha256: String, _ run: (String) throws -> Void
    ) throws {
        let router = Router()
        router.get("/v1/audit/export") { _, _ in
            var headers = HTTPHeaders()
            headers.add(name: Audit.exportIDHeader, value: String(repeating: "ab", count: 16))
            return HTTPResponse(
                status: .ok, headers: headers,
                body: .stream { writer in
                    try writer.write(body)
                    if cut { throw CancellationError() }
                })
        }
        router.get("/v1/audit/export/manifest") { _, _ in
            let manifest = Audit.ExportManifest(
                file: "x.jsonl", format: .jsonl, sha256: sha256, eventCount: 1, firstEventID: 1, lastEventID: 1,
                from: nil, to: nil, municipality: nil, masked: true, exportedAt: "2026-01-01T00:00:00.000000Z",
                chains: [], unchainedEventCount: 0)
            return HTTPResponse.json(bytes: try ContractJSON.encode(manifest))
        }
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = .disabled
        let server = HTTPServer(configuration: configuration, responder: router)
        let port = try server.start()
        defer { server.shutdown() }
        try run("http://127.0.0.1:\(port)")
    }

    @Test("a stream cut short and a file whose SHA-256 is not the manifest's both exit 1 and leave no file")
    func damagedDownloads() throws {
        let body = Array(String(repeating: "{\"line\":\"x\"}\n", count: 20_000).utf8)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let right = Hex.encode(SHA256.hash(body))
        for (cut, sha256, complaint) in [
            (true, right, "was cut short"), (false, String(repeating: "0", count: 64), "damaged on the way"),
        ] {
            try Self.withFakeServer(body: body, cut: cut, sha256: sha256) { url in
                let run = runNafidha(
                    ["audit", "export", "--output", "x.jsonl"],
                    environment: ["NAFIDHA_URL": url, "NAFIDHA_TOKEN": "nfs_test"], currentDirectory: folder.path)
                #expect(run.code == 1 && run.error.contains(complaint), "\(run.error)")
                let left = try Self.files(in: folder)
                #expect(left.isEmpty, "nothing under the final name, no temporary file left")
            }
        }
        try Self.withFakeServer(body: body, cut: false, sha256: right) { url in
            let run = runNafidha(
                ["audit", "export", "--output", "x.jsonl"],
                environment: ["NAFIDHA_URL": url, "NAFIDHA_TOKEN": "nfs_test"], currentDirectory: folder.path)
            #expect(run.code == 0, "the stand-in is sound: \(run.error)")
            let written = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/x.jsonl"))
            #expect(written == Data(body))
        }
    }
}
