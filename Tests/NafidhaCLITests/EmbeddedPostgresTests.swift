import Foundation
import Postgres
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Embedded PostgreSQL")
struct EmbeddedPostgresTests {
    @Test("starts a new cluster, lets a second user reuse it, and the last one out stops it, whoever started it")
    func startReuseStop() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        var configuration = EmbeddedPostgres.Configuration()
        configuration.dataDirectory = parent.path + "/pg"
        configuration.createsCluster = true

        let first = try EmbeddedPostgres.start(configuration)
        defer { try? first.stop() }
        #expect(first.startedByThisProcess)
        #expect(try selectOne(first.conninfo) == 1)

        configuration.createsCluster = false
        let second = try EmbeddedPostgres.start(configuration)
        defer { try? second.stop() }
        #expect(!second.startedByThisProcess)
        #expect(second.conninfo == first.conninfo)
        try first.stop()
        #expect(try selectOne(second.conninfo) == 1, "the starter leaving must not stop a server still in use")
        try first.stop()
        #expect(try selectOne(second.conninfo) == 1, "a second stop of the same user changes nothing")

        try second.stop()
        #expect(throws: PostgresError.self) { try selectOne(first.conninfo) }
        #expect(!FileManager.default.fileExists(atPath: configuration.dataDirectory + "/postmaster.pid"))
    }

    @Test("refuses a folder without a cluster unless allowed to create one, and creates nothing")
    func createsOnlyWhenAllowed() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        var configuration = EmbeddedPostgres.Configuration()
        configuration.dataDirectory = parent.path + "/pg"
        let error = #expect(throws: EmbeddedPostgresError.self) { try EmbeddedPostgres.start(configuration) }
        #expect(error?.code == "no_cluster")
        #expect(error?.description.contains("'\(configuration.dataDirectory)'") == true)
        #expect(!FileManager.default.fileExists(atPath: configuration.dataDirectory))
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: false)
        #expect(throws: EmbeddedPostgresError.self) { try EmbeddedPostgres.start(configuration) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: configuration.dataDirectory).isEmpty)
    }

    @Test("says to install the postgresql package when no server binaries are found")
    func missingBinaries() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        var configuration = EmbeddedPostgres.Configuration()
        configuration.dataDirectory = parent.path + "/pg"
        configuration.binarySearch = .init(pgConfig: nil, installationRoot: parent.path + "/no-postgresql-here")
        configuration.createsCluster = true
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
        configuration.createsCluster = true
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
        configuration.createsCluster = true
        let error = #expect(throws: EmbeddedPostgresError.self) { try EmbeddedPostgres.start(configuration) }
        #expect(error?.code == "not_traversable")
        #expect(error?.description.contains("'\(closed)'") == true)
        #expect(!FileManager.default.fileExists(atPath: closed + "/pg"), "nothing is created when the check fails")
    }

    private func selectOne(_ conninfo: String) throws -> Int {
        try PostgresConnection(conninfo: conninfo).query("SELECT 1 AS one")[0].decode("one", as: Int.self)
    }
}
