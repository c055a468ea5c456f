import Foundation
import Testing

/// A real SMTP server for one test: aiosmtpd (Debian python3-aiosmtpd, installed by scripts/test) running
/// `smtp_server.py` beside this file on a free loopback port, with the faults the test asks for. What it received
/// is read back from its folder (`messages()`, `authenticationAttempts()`).
///
/// The server exits when its standard input closes: at `stop()`, at deinit, or when the test process dies.
final class TestSMTPServer {
    /// The port it listens on, at 127.0.0.1.
    let port: Int
    let folder: URL
    private let process: Process
    private let input: Pipe

    /// The Debian interpreter, which has python3-aiosmtpd (a python3 earlier on PATH may be another one).
    static let python = "/usr/bin/python3"

    /// Whether aiosmtpd can be imported; the tests that need the server are skipped, with that reason, if not.
    static let isAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static let unavailableReason: Comment = "python3-aiosmtpd is not installed (scripts/test installs it)"

    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("smtp_server.py").path

    /// Starts the server with `options` (smtp_server.py's flags, e.g. `["--refuse-recipient", "x@y.ly"]`) and
    /// waits until it listens.
    init(_ options: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nafidha-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-u", Self.script, "--out", folder.path] + options
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let log = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
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
            let errors = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ServerFailure(message: "the SMTP test server did not start: \(text) \(errors)")
        }
        self.port = port
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Ends the server and waits for it.
    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// The messages received so far, in order.
    func messages() throws -> [ReceivedMessage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("message-") && $0.hasSuffix(".json") }
            .sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
        return try names.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return try Self.decoder.decode(ReceivedMessage.self, from: data)
        }
    }

    /// The raw bytes of the `index`th message received (from 1), as the server got them after the end of DATA.
    func rawMessage(_ index: Int) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent("message-\(index).eml")))
    }

    /// Every AUTH attempt the server saw.
    func authenticationAttempts() throws -> [AuthenticationAttempt] {
        let file = folder.appendingPathComponent("auth.json")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try Self.decoder.decode([AuthenticationAttempt].self, from: Data(contentsOf: file))
    }

    /// smtp_server.py writes Python's snake_case names.
    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    struct ServerFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// What smtp_server.py wrote for one message: the envelope, the session and Python's reading of the message.
struct ReceivedMessage: Decodable {
    struct Envelope: Decodable {
        let mailFrom: String
        let rcptTos: [String]
        let mailOptions: [String]
    }

    struct Session: Decodable {
        let tlsVersion: String?
        let authenticated: Bool
    }

    struct Part: Decodable {
        let contentType: String
        let charset: String?
        let transferEncoding: String?
        let text: String
    }

    struct Message: Decodable {
        let subject: String
        let subjectLines: [String]
        let fromAddresses: [String]
        let fromNames: [String]
        let toAddresses: [String]
        let toNames: [String]
        let date: String?
        let messageId: String
        let contentLanguage: String?
        let mimeVersion: String?
        let contentType: String
        let parts: [Part]
        let defects: [String]
        let longestLine: Int
        let longestHeaderLine: Int
        let bareLineFeeds: Int
        let eightBit: Bool
    }

    let envelope: Envelope
    let session: Session
    let message: Message
}

/// One AUTH attempt the server saw.
struct AuthenticationAttempt: Decodable {
    let mechanism: String
    let login: String
    let tls: Bool
}
