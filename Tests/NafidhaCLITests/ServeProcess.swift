import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real `nafidha serve` process (NAFIDHA_BINARY) whose output is collected on a thread of its own, so a test can
/// wait for a line with a deadline and signal the process. `stop()` (a `defer`) makes sure none outlives its test.
final class ServeProcess {
    private let process: Process
    private let collected = CollectedOutput()

    /// Starts `nafidha serve arguments` with the test's environment minus DATABASE_URL, plus `environment`.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let binary = try #require(ProcessInfo.processInfo.environment["NAFIDHA_BINARY"], "set by scripts/test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve"] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "DATABASE_URL" }
            .merging(environment) { _, given in given }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        let handle = pipe.fileHandleForReading
        let collected = self.collected
        Thread.detachNewThread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return }
                collected.append(String(decoding: chunk, as: UTF8.self))
            }
        }
    }

    /// Everything the process printed so far.
    var output: String { collected.text }

    /// `http://HOST:PORT` from the `Listening on` line, once it is printed.
    var listeningURL: String? {
        guard let range = output.range(of: #"Listening on (http://[0-9.:]+)\."#, options: .regularExpression) else {
            return nil
        }
        return String(output[range].dropFirst("Listening on ".count).dropLast())
    }

    /// The process id.
    var pid: Int32 { process.processIdentifier }

    /// Waits until the output contains `text` (true), or the process ended or `seconds` passed (false).
    func wait(for text: String, seconds: TimeInterval = 180) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if output.contains(text) { return true }
            if !process.isRunning { return output.contains(text) }
            usleep(50_000)
        }
        return false
    }

    /// Sends `signal` and waits for the process to end; returns its exit status (or signal).
    @discardableResult
    func end(with signal: Int32 = SIGTERM) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Ends the process if a failed expectation left it running, so that the folder's cluster can stop.
    func stop() {
        if process.isRunning { end() }
    }
}

/// Text a reader thread appends and the test reads.
private final class CollectedOutput: Sendable {
    private let storage = Mutex("")

    func append(_ text: String) { storage.withLock { $0 += text } }

    var text: String { storage.withLock { $0 } }
}
