import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The PostgreSQL programs applied to one data folder, run as the cluster's owner.
struct ClusterFolder {
    /// The settings file Nafidha rewrites before each start, included from `postgresql.conf`.
    static let settingsFileName = "nafidha.conf"

    let directory: String
    let binaries: PostgresBinaries
    let owner: ClusterOwner

    /// Whether `initdb` has run here.
    var isInitialised: Bool {
        FileManager.default.fileExists(atPath: "\(directory)/PG_VERSION")
    }

    /// Whether a server runs on this folder (`pg_ctl status` exits 0 only then).
    func isRunning() -> Bool {
        guard let result = try? runAsOwner("pg_ctl", ["status", "-D", directory]) else { return false }
        return result.status == 0
    }

    /// The port of the running server, read from `postmaster.pid` (its fourth line).
    func runningPort() -> Int? {
        guard let text = try? String(contentsOfFile: "\(directory)/postmaster.pid", encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count > 3 ? Int(lines[3].trimmingCharacters(in: .whitespaces)) : nil
    }

    /// Runs `initdb`: UTF-8, superuser `user`, trust on the Unix socket and passwords over TCP.
    func initialise(user: String) throws(EmbeddedPostgresError) {
        try check(
            runAsOwner(
                "initdb",
                [
                    "-D", directory, "-U", user, "-E", "UTF8", "--locale=C.UTF-8",
                    "--auth-local=trust", "--auth-host=scram-sha-256",
                ]), "initdb")
        let include =
            "\n# Added by nafidha: its socket and port settings, rewritten on every start.\n"
            + "include_if_exists = '\(Self.settingsFileName)'\n"
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(directory)/postgresql.conf"))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(include.utf8))
        } catch {
            throw .fileSystem(path: "\(directory)/postgresql.conf", message: error.localizedDescription)
        }
    }

    /// Writes the socket folder and port settings; TCP listens on localhost only, and only when `tcpPort` is set.
    func writeSettings(tcpPort: Int?, port: Int) throws(EmbeddedPostgresError) {
        let path = "\(directory)/\(Self.settingsFileName)"
        let text = """
            # Written by nafidha before each start; put your own settings in postgresql.conf.
            listen_addresses = '\(tcpPort == nil ? "" : "localhost")'
            port = \(port)
            unix_socket_directories = '\(directory)'

            """
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw .fileSystem(path: path, message: error.localizedDescription)
        }
        guard chown(path, owner.uid, owner.gid) == 0 else {
            throw .fileSystem(path: path, message: String(cString: strerror(errno)))
        }
    }

    /// Starts the server and waits until it accepts connections; the server's log goes to `postmaster.log`.
    func start(timeoutSeconds: Int) throws(EmbeddedPostgresError) {
        let log = "\(directory)/postmaster.log"
        let result = try runAsOwner(
            "pg_ctl", ["start", "-D", directory, "-l", log, "-w", "-t", String(timeoutSeconds)])
        guard result.status == 0 else {
            // pg_ctl only says "see the log": the server's last log line says why.
            let logText = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let detail = ChildProcess.lastLine(of: logText.isEmpty ? result.output : logText)
            throw .commandFailed(command: "pg_ctl start", status: result.status, detail: detail)
        }
    }

    /// Stops the server with a fast shutdown (sessions are ended, nothing is lost).
    func stop(timeoutSeconds: Int) throws(EmbeddedPostgresError) {
        try check(
            runAsOwner("pg_ctl", ["stop", "-D", directory, "-m", "fast", "-w", "-t", String(timeoutSeconds)]),
            "pg_ctl stop")
    }

    /// Creates the database on first use; a database that already exists is fine.
    func createDatabaseIfMissing(_ database: String, user: String, port: Int) throws(EmbeddedPostgresError) {
        let result = try ChildProcess.run(
            binaries.path(of: "createdb"), ["-h", directory, "-p", String(port), "-U", user, database]
        )
        if result.status == 0 || result.output.contains("already exists") { return }
        try check(result, "createdb")
    }

    private func runAsOwner(_ program: String, _ arguments: [String]) throws(EmbeddedPostgresError)
        -> ChildProcess.Result
    {
        try ChildProcess.run(binaries.path(of: program), arguments, as: owner.switchTo)
    }

    private func check(_ result: ChildProcess.Result, _ command: String) throws(EmbeddedPostgresError) {
        guard result.status == 0 else {
            throw .commandFailed(
                command: command, status: result.status, detail: ChildProcess.lastLine(of: result.output))
        }
    }
}
