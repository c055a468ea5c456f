import Foundation
import Postgres
import TestSupport
import Testing

@Suite("nafidha seed")
struct SeedCommandTests {
    @Test("seed demo migrates an empty database, loads the demo catalog, and a second run says it did nothing")
    func seedsOnceThenSaysSo() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let first = runNafidha(["seed", "demo", "--database-url", database.url])
            #expect(first.code == 0, "\(first.error)")
            #expect(first.output.contains("Applied migrations/0002_single_window.sql"))
            #expect(
                first.output.contains(
                    "Loaded the demo catalog: 2 countries, 15 municipalities, 10 sectors, 9 services, "
                ))
            let second = runNafidha(["seed", "demo", "--database-url", database.url])
            #expect(second.code == 0, "\(second.error)")
            #expect(second.output.contains("The catalog already has rows (2 countries, 15 municipalities"))
            #expect(second.output.contains("the demo catalog was not loaded."))
            let services = try database.connect().query("SELECT count(*)::int AS n FROM services")[0]
            #expect(try services.decode("n", as: Int.self) == 9)
        }
    }

    @Test("exits 64 for a seed other than demo")
    func unknownSeed() {
        let run = runNafidha(["seed", "prod", "--database-url", "postgresql://x@/y"])
        #expect(run.code == 64)
        #expect(run.errorLines.first?.hasPrefix("Error: The value 'prod' is invalid for '<seed>'") == true)
    }

    @Test("exits 64 when no seed is named")
    func missingSeed() {
        let run = runNafidha(["seed", "--database-url", "postgresql://x@/y"])
        #expect(run.code == 64)
        #expect(run.errorLines.first == "Error: Missing expected argument '<seed>'")
    }

    @Test("lists seed in the root help and documents it")
    func help() {
        #expect(runNafidha(["--help"]).output.contains("  seed "))
        let run = runNafidha(["seed", "--help"])
        #expect(run.code == 0)
        #expect(run.output.contains("USAGE: nafidha seed [--database-url <url>] [--data-dir <dir>] <seed>"))
    }

    @Test("serve --demo loads the demo catalog into an empty database before it is ready")
    func serveDemoLoadsCatalog() throws {
        let binary = try #require(ProcessInfo.processInfo.environment["NAFIDHA_BINARY"], "set by scripts/test")
        try TestDatabase.with(fromTemplate: false) { database in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["serve", "--demo", "--database-url", database.url, "--listen", "127.0.0.1:0"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            // Should an expectation stop the test early, the server must not outlive it.
            defer {
                if process.isRunning {
                    process.terminate()
                    process.waitUntilExit()
                }
            }
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while !text.contains("Ready;") && Date() < deadline {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            #expect(text.contains("Loaded the demo catalog: 2 countries, 15 municipalities"), "output: \(text)")
            #expect(text.contains("Ready;"), "output: \(text)")
            process.terminate()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let municipalities = try database.connect().query("SELECT count(*)::int AS n FROM municipalities")[0]
            #expect(try municipalities.decode("n", as: Int.self) == 15)
        }
    }
}
