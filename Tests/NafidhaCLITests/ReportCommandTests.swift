import Foundation
import TestSupport
import Testing

@Suite("nafidha report")
struct ReportCommandTests {
    @Test("writes each report in each format, to standard output or a file")
    func formats() throws {
        try TestDatabase.withDemoCatalog { database in
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let csv = runNafidha([
                "report", "sla", "--database-url", database.url, "--from", "2026-11-01", "--to", "2026-12-01",
                "--language", "fr", "--excel",
            ])
            #expect(csv.code == 0, "stderr: \(csv.error)")
            #expect(csv.output.hasPrefix("\u{FEFF}Municipalité,Secteur,Demandes traitées,"))
            for name in ["sla", "backlog", "throughput", "misroutes"] {
                let html = runNafidha(
                    [
                        "report", name, "--database-url", database.url, "--format", "html", "--language", "ar",
                        "--output", "\(name).html",
                    ], currentDirectory: folder.path)
                #expect(html.code == 0, "stderr: \(html.error)")
                let page = try String(contentsOfFile: "\(folder.path)/\(name).html", encoding: .utf8)
                #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains(#"dir="rtl""#))
            }
            let json = runNafidha([
                "report", "throughput", "--database-url", database.url, "--format", "json", "--interval", "week",
            ])
            #expect(json.code == 0)
            #expect(json.output.hasPrefix(#"{"report":"throughput","#))
        }
    }

    @Test("an unknown report, format or --excel with JSON exits 64")
    func usageErrors() {
        #expect(runNafidha(["report", "speed"]).code == 64)
        #expect(runNafidha(["report", "sla", "--format", "pdf"]).code == 64)
        #expect(runNafidha(["report", "sla", "--format", "json", "--excel"]).code == 64)
        #expect(runNafidha(["report", "sla", "--from", "2026-12-01", "--to", "2026-11-01"]).code == 64)
    }
}
