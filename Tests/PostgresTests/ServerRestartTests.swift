import Foundation
import Postgres
import TestSupport
import Testing

/// Restarts a private cluster (not the shared test cluster, which other tests are using in parallel).
@Suite("Server restart")
struct ServerRestartTests {
    /// scripts/lib/common.sh, found from this file's place in the repository.
    private static let commonScript = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/lib/common.sh").path

    /// Runs `command` in bash after sourcing common.sh; throws with its output when it fails.
    ///
    /// `posix_spawn` and `waitpid` rather than Foundation's `Process`, whose exit detection hung here under
    /// the test runner. Output goes to a file: the server pg_ctl starts could hold a pipe open forever.
    private func shell(_ command: String) throws {
        let log = "/tmp/nafidha-shell-\(UUID().uuidString).log"
        defer { unlink(log) }
        let script = "source '\(Self.commonScript)' && { \(command); } >'\(log)' 2>&1 </dev/null"
        let words: [String] = ["/bin/bash", "-c", script]
        let arguments = words.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", nil, nil, arguments, environ)
        guard spawned == 0 else {
            throw ShellError(description: "posix_spawn failed: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally with status 0: the low 7 bits (the signal) and the exit code are all zero.
        guard status == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw ShellError(description: "\(command) failed (wait status \(status)): \(output)")
        }
    }

    @Test("After pg_ctl restart the pool's next query succeeds on a new connection")
    func poolHealsAfterServerRestart() throws {
        let directory = "/tmp/nafidha-restart-\(UUID().uuidString.lowercased())"
        try shell("start_test_cluster \(directory)")
        defer { try? shell("stop_test_cluster \(directory); rm -rf \(directory) \(directory).initdb.log") }
        var configuration = PostgresPool.Configuration()
        configuration.maxConnections = 2
        let pool = PostgresPool(
            conninfo: "postgresql://nafidha@/postgres?host=\(directory)", configuration: configuration)
        defer { pool.close() }
        let pid = { (connection: PostgresConnection) in
            try connection.query("SELECT pg_backend_pid()").first!.decode(0, as: Int32.self)
        }
        let before = try pool.withConnection(pid)
        try shell("as_cluster_owner \"$(pg_bindir)/pg_ctl\" -D \(directory) -m fast -w -t 60 restart >/dev/null")
        let after = try pool.withConnection(pid)
        #expect(after != before)
        #expect(pool.statistics.open == 1)
    }
}

/// A shell command of this test failed; carries its output.
private struct ShellError: Error, CustomStringConvertible {
    let description: String
}
