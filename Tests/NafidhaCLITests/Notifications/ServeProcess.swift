import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real `nafidha serve` (NAFIDHA_BINARY) on a test database, on a free port, with the environment given; its
/// output is collected until it stops.
final class ServeProcess {
    let process = Process()
    private let output = Pipe()
    private(set) var text = ""
    /// `http://127.0.0.1:PORT`, once ready.
    private(set) var url = ""

    /// Starts the server and waits for its `Ready` line (at most 60 s).
    init(databaseURL: String, environment: [String: String]) throws {
        process.executableURL = URL(
            fileURLWithPath: try #require(ProcessInfo.processInfo.environment["NAFIDHA_BINARY"]))
        process.arguments = ["serve", "--database-url", databaseURL, "--listen", "127.0.0.1:0"]
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { first, _ in first }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("Ready;") && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: #"Listening on (http://[0-9.:]+)\."#, options: .regularExpression) else {
            stop()
            throw ServeFailure(description: "serve did not start: \(text)")
        }
        url = String(text[range].dropFirst("Listening on ".count).dropLast())
    }

    /// SIGKILL: no shutdown at all, as a crash or an OOM kill.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then waits for the exit; returns everything it printed.
    @discardableResult
    func stop() -> String {
        if process.isRunning {
            process.terminate()
        }
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    struct ServeFailure: Error, CustomStringConvertible {
        let description: String
    }
}
