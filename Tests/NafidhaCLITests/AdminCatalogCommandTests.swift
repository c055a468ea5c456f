import Foundation
import NafidhaCore
import TestSupport
import Testing

@Suite("nafidha admin catalog export, apply and history")
struct AdminCatalogCommandTests {
    @Test("export, a broken edit refused with every problem in French, a good one shown, applied and listed")
    func exportEditApply() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try TestDatabase.withDemoCatalog { database in
            let url = ["--database-url", database.url]
            let exported = runNafidha(
                ["admin", "catalog", "export", "--output", "catalog.json"] + url,
                currentDirectory: folder.path)
            #expect(exported.code == 0, "\(exported.error)")
            let path = folder.path + "/catalog.json"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text == EmbeddedSeeds.demoCatalog)

            // Two problems: a step naming no sector, a fee with a fraction of a millime.
            let broken =
                text
                .replacingOccurrences(
                    of: #"{"step": 1, "sector": "urban_planning", "sla_days": 15}"#,
                    with: #"{"step": 1, "sector": "town_planning", "sla_days": 15}"#
                )
                .replacingOccurrences(of: #""amount_minor": 2500,"#, with: #""amount_minor": 2500.5,"#)
            try broken.write(toFile: path, atomically: true, encoding: .utf8)
            let refused = runNafidha(
                ["admin", "catalog", "apply", "catalog.json", "--language", "fr"] + url, currentDirectory: folder.path)
            #expect(refused.code == 1)
            let lines = refused.errorLines
            #expect(lines.count == 3, "\(refused.error)")
            #expect(lines.first?.hasPrefix("catalog.json:") == true)
            #expect(lines.contains { $0.contains(": $.services[2].workflow[0].steps[0].sector: ") })
            #expect(lines.last == "Error: catalog.json has 2 problems; nothing was applied")

            // A changed fee: the dry run shows it and applies nothing; the apply makes version 2.
            let edited = text.replacingOccurrences(of: #""amount_minor": 2500,"#, with: #""amount_minor": 3000,"#)
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
            let dry = runNafidha(
                ["admin", "catalog", "apply", "catalog.json", "--dry-run"] + url, currentDirectory: folder.path)
            #expect(dry.code == 0, "\(dry.error)")
            #expect(dry.output.contains("~ service birth_certificate_extract"))
            #expect(dry.output.contains("    fees[LY].amount_minor: 2500 → 3000"))
            #expect(dry.output.hasSuffix("Dry run: nothing was applied.\n"))
            let applied = runNafidha(
                ["admin", "catalog", "apply", "catalog.json"] + url, currentDirectory: folder.path)
            #expect(applied.code == 0, "\(applied.error)")
            #expect(applied.output.hasSuffix("Applied as catalog version 2 (after version 1).\n"))

            let history = runNafidha(["admin", "catalog", "history"] + url)
            #expect(history.code == 0, "\(history.error)")
            let rows = history.output.split(separator: "\n")
            #expect(rows.count == 3 && rows[1].hasPrefix("2 ") && rows[2].hasPrefix("1 "), "\(history.output)")
            #expect(rows[2].contains(" seed ") && rows[1].contains(" cli "))

            let again = runNafidha(["admin", "catalog", "export"] + url)
            #expect(again.output == edited)
        }
    }
}
