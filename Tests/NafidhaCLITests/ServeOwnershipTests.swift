import Foundation
import Postgres
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Who stops the embedded cluster, with real `nafidha serve` processes: the last one out, also after a crash.
@Suite("Embedded cluster ownership", .serialized)
struct ServeOwnershipTests {
    /// The postmaster's pid from the folder's `postmaster.pid`, or nil when no server runs there.
    private static func postmaster(in folder: String) -> Int32? {
        guard let text = try? String(contentsOfFile: folder + "/postmaster.pid", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first.flatMap { Int32($0) }
    }

    /// Whether `pid` runs: a zombie (dead, not yet reaped by an init that may never reap it) does not.
    private static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return false }
        return !stat[stat.index(after: end)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Whether `pid` ends within `seconds`: the postmaster removes its pid file (what `pg_ctl stop` waits for) a
    /// moment before it exits.
    private static func ends(_ pid: Int32, within seconds: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isAlive(pid) && Date() < deadline { usleep(50_000) }
        return !isAlive(pid)
    }

    private static func answers(_ folder: String) -> Bool {
        let connection = try? PostgresConnection(conninfo: "host='\(folder)' user=nafidha dbname=nafidha")
        return (try? connection?.query("SELECT 1 AS one")) != nil
    }

    @Test("after kill -9 of serve, the next serve adopts the running cluster and stops it at SIGTERM")
    func adoptsAfterCrash() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        let folder = parent.path + "/pg"
        let crashed = try ServeProcess(["--data-dir", folder, "--listen", "127.0.0.1:0"])
        defer { crashed.stop() }
        #expect(crashed.wait(for: "Ready;"), "\(crashed.output)")
        let server = try #require(Self.postmaster(in: folder))
        crashed.end(with: SIGKILL)
        #expect(Self.isAlive(server) && Self.answers(folder), "kill -9 leaves the cluster running")

        let next = try ServeProcess(["--data-dir", folder, "--listen", "127.0.0.1:0"])
        defer { next.stop() }
        #expect(next.wait(for: "Ready;"), "\(next.output)")
        #expect(next.output.contains("already running, reused"))
        #expect(next.end() == 0, "\(next.output)")
        #expect(Self.postmaster(in: folder) == nil && Self.ends(server), "the adopter stopped it")
    }

    @Test("two serves share one cluster: the first out leaves it to the second, the last out stops it")
    func lastOneOutStops() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        let folder = parent.path + "/pg"
        let first = try ServeProcess(["--data-dir", folder, "--listen", "127.0.0.1:0"])
        defer { first.stop() }
        #expect(first.wait(for: "Ready;"), "\(first.output)")
        let second = try ServeProcess(["--data-dir", folder, "--listen", "127.0.0.1:0"])
        defer { second.stop() }
        #expect(second.wait(for: "Ready;"), "\(second.output)")

        #expect(first.end() == 0, "\(first.output)")
        #expect(Self.answers(folder), "the second serve still uses the cluster")
        #expect(second.end() == 0, "\(second.output)")
        #expect(Self.postmaster(in: folder) == nil && !Self.answers(folder))
    }
}
