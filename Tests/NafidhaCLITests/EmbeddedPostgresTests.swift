import Foundation
import Postgres
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Embedded PostgreSQL")
struct EmbeddedPostgresTests {
    @Test("starts a new cluster, lets a second start reuse it, and only the starter stops it")
    func startReuseStop() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        var configuration = EmbeddedPostgres.Configuration()
        configuration.dataDirectory = parent.path + "/pg"

        let first = try EmbeddedPostgres.start(configuration)
        defer { try? first.stop() }
        #expect(first.startedByThisProcess)
        #expect(try selectOne(first.conninfo) == 1)

        let second = try EmbeddedPostgres.start(configuration)
        #expect(!second.startedByThisProcess)
        #expect(second.conninfo == first.conninfo)
        try second.stop()
        #expect(try selectOne(first.conninfo) == 1, "stopping the reusing instance must not stop the server")

        try first.stop()
        #expect(throws: PostgresError.self) { try selectOne(first.conninfo) }
    }

    @Test("says to install the postgresql package when no server binaries are found")
    func missingBinaries() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        var configuration = EmbeddedPostgres.Configuration()
        configuration.dataDirectory = parent.path + "/pg"
        configuration.binarySearch = .init(pgConfig: nil, installationRoot: parent.path + "/no-postgresql-here")
        let error = #expect(throws: EmbeddedPostgresError.self) { try EmbeddedPostgres.start(configuration) }
        #expect(error?.code == "binaries_not_found")
        #expect(error?.description.contains("install the Debian package 'postgresql'") == true)
    }

    @Test("refuses a data folder whose socket path exceeds the Unix limit, before creating anything")
    func socketPathTooLong() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        var configuration = EmbeddedPostgres.Configuration()
        configuration.dataDirectory = parent.path + "/" + String(repeating: "d", count: 100)
        let error = #expect(throws: EmbeddedPostgresError.self) { try EmbeddedPostgres.start(configuration) }
        #expect(error?.code == "socket_path_too_long")
        #expect(error?.description.contains("107") == true)
        #expect(!FileManager.default.fileExists(atPath: configuration.dataDirectory))
    }

    @Test("refuses a data folder that belongs to someone else", .enabled(if: geteuid() == 0, "needs root to chown"))
    func folderOwnedBySomeoneElse() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        let folder = parent.path + "/pg"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data("15\n".utf8).write(to: URL(fileURLWithPath: folder + "/PG_VERSION"))
        #expect(chown(folder, 65534, 65534) == 0)
        var configuration = EmbeddedPostgres.Configuration()
        configuration.dataDirectory = folder
        let error = #expect(throws: EmbeddedPostgresError.self) { try EmbeddedPostgres.start(configuration) }
        #expect(error?.code == "owned_by_someone_else")
    }

    @Test("says which parent directory the postgres user cannot enter", .enabled(if: geteuid() == 0, "needs root"))
    func parentNotTraversable() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        let closed = parent.path + "/closed"
        try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: false)
        #expect(chmod(closed, 0o700) == 0)
        var configuration = EmbeddedPostgres.Configuration()
        configuration.dataDirectory = closed + "/pg"
        let error = #expect(throws: EmbeddedPostgresError.self) { try EmbeddedPostgres.start(configuration) }
        #expect(error?.code == "not_traversable")
        #expect(error?.description.contains("'\(closed)'") == true)
        #expect(!FileManager.default.fileExists(atPath: closed + "/pg"), "nothing is created when the check fails")
    }

    private func selectOne(_ conninfo: String) throws -> Int {
        try PostgresConnection(conninfo: conninfo).query("SELECT 1 AS one")[0].decode("one", as: Int.self)
    }
}
