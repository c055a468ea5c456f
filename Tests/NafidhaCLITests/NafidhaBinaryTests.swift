import Foundation
import Testing

@Suite("The nafidha binary")
struct NafidhaBinaryTests {
    @Test("exits 1 with one Error line for a database URL that is not a URL")
    func malformedURLExitsOne() throws {
        let binary = try #require(
            ProcessInfo.processInfo.environment["NAFIDHA_BINARY"], "NAFIDHA_BINARY is set by scripts/test"
        )
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
}
