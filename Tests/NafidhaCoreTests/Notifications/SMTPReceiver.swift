import Foundation

/// A real SMTP server (aiosmtpd) for the e-mail channel's tests: the Mail module's test server,
/// Tests/MailTests/Support/smtp_server.py, run on a free loopback port with the faults a test asks for
/// (`--defer-message`: 451 at the end of DATA; `--refuse-message`: 554). What it accepted is read back from the
/// JSON summaries it writes, parsed by Python's email package. It exits when its standard input closes.
final class SMTPReceiver {
    let port: Int
    private let folder: URL
    private let server: PythonTestServer

    /// Debian's interpreter, which has python3-aiosmtpd (scripts/test installs it).
    static let python = "/usr/bin/python3"
    /// Whether aiosmtpd can be imported (scripts/test installs it); the tests that need it are skipped if not.
    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("MailTests/Support/smtp_server.py").path

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ options: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nafidha-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        server = try PythonTestServer(
            ["-u", Self.script, "--out", folder.path] + options, name: "SMTP test server")
        port = server.port
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` with a server started with `options`, stopped afterwards.
    static func with<T>(_ options: [String] = [], _ body: (SMTPReceiver) throws -> T) throws -> T {
        try body(try SMTPReceiver(options))
    }

    /// The `message` member of each summary written so far (subject, to_addresses, message_id, parts, ...), in
    /// the order the messages arrived.
    func messages() throws -> [[String: Any]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("message-") && $0.hasSuffix(".json") }
            .sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count }
        return try names.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let record = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            guard let message = record?["message"] as? [String: Any] else {
                throw Failure(description: "\(name) holds no message")
            }
            return message
        }
    }
}
