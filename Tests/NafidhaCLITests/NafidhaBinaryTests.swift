import Foundation
import Testing

@Suite("The nafidha binary")
struct NafidhaBinaryTests {
    private func binary() throws -> String {
        try #require(ProcessInfo.processInfo.environment["NAFIDHA_BINARY"], "NAFIDHA_BINARY is set by scripts/test")
    }

    @Test("exits 1 with one Error line for a database URL that is not a URL")
    func malformedURLExitsOne() throws {
        let binary = try binary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["migrate", "--database-url", "not a url"]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorText = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(outputText.isEmpty)
        let lines = errorText.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Error: ") == true)
    }

    @Test("serves on an embedded cluster until SIGTERM, then stops the cluster it started and exits 0")
    func serveStopsOnSignal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = ["serve", "--data-dir", folder.path + "/pg", "--listen", "127.0.0.1:0"]
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "DATABASE_URL" }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Should an expectation stop the test early, the server and its cluster must not outlive it.
        defer {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }

        var text = ""
        let deadline = Date().addingTimeInterval(120)
        while !text.contains("Ready;") && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.contains("Applied migrations/0001_foundation.sql"), "output: \(text)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/pg/postmaster.pid"))

        process.terminate()
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "output: \(text)")
        #expect(text.hasSuffix("Received SIGTERM; stopping.\nStopped.\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/pg/postmaster.pid"))
    }
}
