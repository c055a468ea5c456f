import Foundation

/// A test server written in Python, run as a child process: it prints `READY PORT` once listening and exits when
/// its standard input closes. The receivers of the notification tests (SMTP, HTTPS, scripted HTTP) start this way.
struct PythonTestServer {
    let process: Process
    /// Closing it stops the server.
    let input: Pipe
    /// The loopback port it listens on.
    let port: Int

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs python3 with `arguments` and waits for its `READY PORT` line; `name` says which server did not start.
    init(_ arguments: [String], name: String) throws {
        process = Process()
        input = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) else {
            process.terminate()
            throw Failure(description: "the \(name) did not start: \(text)")
        }
        self.port = port
    }

    /// Closes its input and waits for it to exit.
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
