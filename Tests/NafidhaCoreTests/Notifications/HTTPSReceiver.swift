import Foundation

/// A webhook receiver over TLS for the https tests: Python's http.server behind `ssl`, on a free loopback port,
/// presenting a self-signed certificate for `localhost` made with the openssl command. It answers 204 to every
/// POST and records the path and `webhook-id` of each; it exits when its standard input closes.
final class HTTPSReceiver {
    let port: Int
    /// The PEM certificate it presents: trust it with `NetworkConnector(additionalCAFile:)`.
    let certificateFile: String
    private let folder: URL
    private let server: PythonTestServer

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private static let script = """
        import http.server, json, ssl, sys, threading
        cert, key, log = sys.argv[1:4]
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with open(log, "a") as out:
                    out.write(json.dumps({"path": self.path, "id": self.headers.get("webhook-id")}) + "\\n")
                self.send_response(204)
                self.end_headers()
            def log_message(self, *arguments):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print("READY", server.server_address[1], flush=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        sys.stdin.read()
        """

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nafidha-https-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        certificateFile = folder.appendingPathComponent("localhost.crt").path
        let keyFile = folder.appendingPathComponent("localhost.key").path
        try Self.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", keyFile, "-out",
                certificateFile,
            ])
        server = try PythonTestServer(
            ["-c", Self.script, certificateFile, keyFile, folder.appendingPathComponent("log").path],
            name: "HTTPS receiver")
        port = server.port
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` with a receiver, stopped afterwards.
    static func with<T>(_ body: (HTTPSReceiver) throws -> T) throws -> T {
        try body(try HTTPSReceiver())
    }

    /// `https://localhost:PORT` and `path`: the name the certificate is for.
    func url(_ path: String = "/hook") -> String {
        "https://localhost:\(port)\(path)"
    }

    /// The `webhook-id` of each delivery received, in order.
    func deliveries() throws -> [String] {
        let log = folder.appendingPathComponent("log")
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { line in
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return record?["id"] as? String ?? ""
        }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) failed with status \(process.terminationStatus)")
        }
    }
}
