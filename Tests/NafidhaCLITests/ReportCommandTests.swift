import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("nafidha report")
struct ReportCommandTests {
    private static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test(
        "writes the very bytes the server rendered, to standard output or to a file created 0600",
        arguments: [
            ["sla", "--format", "csv", "--language", "fr", "--excel", "--by-service"],
            ["backlog", "--format", "json", "--municipality", "BEN"],
            ["throughput", "--format", "html", "--language", "ar", "--interval", "week"],
            ["misroutes", "--from", "2026-11-01", "--to", "2026-12-01T00:00:00+02:00"],
        ])
    func sameBytesAsTheRoute(arguments: [String]) throws {
        try StaffTestWorld.with { world in
            try world.request(in: "BEN", tasks: [.init(sector: "civil_registry"), .init(sector: "health")])
            try world.staff("audit1", .auditor)
            let token = try world.directory.issueToken(forStaff: "audit1").text
            try RecordingServer.with(world) { server in
                let folder = try TemporaryFolder()
                defer { folder.remove() }
                let path = folder.path + "/report.out"
                // A file already there with wider modes is replaced, not reused.
                FileManager.default.createFile(atPath: path, contents: Data("old".utf8))
                chmod(path, 0o644)
                let toFile = runNafidha(
                    ["report"] + arguments + ["--output", "report.out"], environment: server.session(token),
                    currentDirectory: folder.path)
                #expect(toFile.code == 0, "\(toFile.error)")
                let rendered = try #require(server.lastBody(under: "/v1/reports/"))
                #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == rendered)
                #expect(Self.mode(path) == 0o600)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.out"])

                let toOutput = runNafidha(["report"] + arguments, environment: server.session(token))
                #expect(toOutput.code == 0, "\(toOutput.error)")
                #expect(Array(toOutput.output.utf8) == (try #require(server.lastBody(under: "/v1/reports/"))))
            }
        }
    }

    @Test("asks in the chosen language and format: French CSV with a byte order mark, Arabic right-to-left HTML")
    func languageAndFormat() throws {
        try StaffTestWorld.with { world in
            try world.staff("audit1", .auditor)
            let token = try world.directory.issueToken(forStaff: "audit1").text
            try RecordingServer.with(world) { server in
                let csv = runNafidha(
                    ["report", "sla", "--language", "fr", "--excel"], environment: server.session(token))
                #expect(csv.output.hasPrefix("\u{FEFF}Municipalité,Secteur,Demandes traitées,"), "\(csv.error)")
                let html = runNafidha(
                    ["report", "backlog", "--format", "html", "--language", "ar"],
                    environment: server.session(token).merging(["LANG": "fr_FR.UTF-8"]) { $1 })
                #expect(html.output.hasPrefix("<!DOCTYPE html>") && html.output.contains(#"dir="rtl""#))
            }
        }
    }

    @Test("a clerk is refused with the server's reason; an unreachable server exits 69; no server configured 64")
    func refusals() throws {
        try StaffTestWorld.with { world in
            try world.staff("amina", .clerk, municipalities: ["BEN"], sectors: ["civil_registry"])
            let token = try world.directory.issueToken(forStaff: "amina").text
            try RecordingServer.with(world) { server in
                let refused = runNafidha(["report", "sla"], environment: server.session(token))
                #expect(refused.code == 1 && refused.error.contains("(reports_not_allowed)"), "\(refused.error)")
                #expect(refused.output.isEmpty)
            }
        }
        let unreachable = runNafidha(
            ["report", "sla"], environment: ["NAFIDHA_URL": "http://127.0.0.1:1", "NAFIDHA_TOKEN": "nfs_x"])
        #expect(unreachable.code == 69 && unreachable.error.hasPrefix("Error: the server is unreachable"))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let unconfigured = runNafidha(["report", "sla"], environment: ["HOME": folder.path])
        #expect(unconfigured.code == 64 && unconfigured.error.contains("nafidha login"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no cluster was created")
    }

    @Test("admin report computes from the database, as the server renders it")
    func adminReport() throws {
        try TestDatabase.withDemoCatalog { database in
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let csv = runNafidha([
                "admin", "report", "sla", "--database-url", database.url, "--from", "2026-11-01", "--to",
                "2026-12-01", "--language", "fr", "--excel",
            ])
            #expect(csv.code == 0, "stderr: \(csv.error)")
            #expect(csv.output.hasPrefix("\u{FEFF}Municipalité,Secteur,Demandes traitées,"))
            let json = runNafidha(
                [
                    "admin", "report", "throughput", "--database-url", database.url, "--format", "json",
                    "--interval", "week", "-o", "t.json",
                ], currentDirectory: folder.path)
            #expect(json.code == 0, "stderr: \(json.error)")
            let text = try String(contentsOfFile: folder.path + "/t.json", encoding: .utf8)
            #expect(text.hasPrefix(#"{"report":"throughput","#))
            #expect(Self.mode(folder.path + "/t.json") == 0o600)
        }
    }

    @Test("an unknown report, format or interval, --excel with JSON, a reversed range or a database option exit 64")
    func usageErrors() {
        let cases: [[String]] = [
            ["report", "speed"], ["report", "sla", "--format", "pdf"],
            ["report", "sla", "--format", "json", "--excel"],
            ["report", "sla", "--from", "2026-12-01", "--to", "2026-11-01"], ["report", "sla", "--interval", "year"],
            ["report", "sla", "--database-url", "postgresql://x@/y"], ["admin", "report", "sla", "--language", "de"],
        ]
        for arguments in cases {
            let run = runNafidha(arguments)
            #expect(run.code == 64, "\(arguments): \(run.error)")
        }
    }
}
