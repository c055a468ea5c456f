import Foundation

/// An HTTP/1.1 server that answers every request with the same raw bytes, for the outgoing client's connection
/// handling: Python on a free loopback port, each connection on a thread, writing one line per accepted connection
/// to a log. After its answer it keeps the connection (`keepAlive`) or closes it. Exits when its input closes.
final class ScriptedHTTPPeer {
    let port: Int
    private let folder: URL
    private let server: PythonTestServer

    private static let script = """
        import socket, sys, threading
        answer, keep_alive, log = sys.argv[1].encode("latin-1"), sys.argv[2] == "1", sys.argv[3]
        def serve(connection):
            buffered = b""
            with connection:
                while True:
                    while b"\\r\\n\\r\\n" not in buffered:
                        chunk = connection.recv(65536)
                        if not chunk:
                            return
                        buffered += chunk
                    head, _, buffered = buffered.partition(b"\\r\\n\\r\\n")
                    length = 0
                    for line in head.split(b"\\r\\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value)
                    while len(buffered) < length:
                        buffered += connection.recv(65536)
                    buffered = buffered[length:]
                    connection.sendall(answer)
                    if not keep_alive:
                        return
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        print("READY", listener.getsockname()[1], flush=True)
        def accept():
            while True:
                connection, _ = listener.accept()
                with open(log, "a") as out:
                    out.write("connection\\n")
                threading.Thread(target=serve, args=(connection,), daemon=True).start()
        threading.Thread(target=accept, daemon=True).start()
        sys.stdin.read()
        """

    /// A peer answering `answer` (sent as is: CRLFs included) and then keeping or closing the connection.
    init(answer: String, keepAlive: Bool) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nafidha-peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        server = try PythonTestServer(
            ["-c", Self.script, answer, keepAlive ? "1" : "0", folder.appendingPathComponent("log").path],
            name: "scripted peer")
        port = server.port
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// `http://127.0.0.1:PORT/sms`.
    var url: String { "http://127.0.0.1:\(port)/sms" }

    /// Connections accepted so far.
    func connections() throws -> Int {
        let log = folder.appendingPathComponent("log")
        guard FileManager.default.fileExists(atPath: log.path) else { return 0 }
        return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").count
    }
}
