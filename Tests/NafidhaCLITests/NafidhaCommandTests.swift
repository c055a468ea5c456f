import Foundation
import NafidhaCore
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("nafidha commands")
struct NafidhaCommandTests {
    @Test("prints the overview with both subcommands for --help")
    func rootHelp() {
        let run = runNafidha(["--help"])
        #expect(run.code == 0)
        #expect(run.output.hasPrefix("OVERVIEW: "))
        #expect(run.output.contains("USAGE: nafidha <subcommand>"))
        #expect(run.output.contains("  serve "))
        #expect(run.output.contains("  migrate "))
    }

    @Test("prints its version for --version")
    func version() {
        let run = runNafidha(["--version"])
        #expect(run.code == 0)
        #expect(run.output == "nafidha 0.1.0\n")
    }

    @Test("documents serve's options in its help")
    func serveHelp() {
        let run = runNafidha(["serve", "-h"])
        #expect(run.code == 0)
        #expect(
            run.output.contains(
                "USAGE: nafidha serve [--database-url <url>] [--data-dir <dir>] [--listen <host:port>] [--database-port <port>]"
            ))
        #expect(run.output.contains("OPTIONS:\n  --database-url <url>"))
    }

    @Test("exits 64 with the usage line for an unknown option")
    func unknownOption() {
        let run = runNafidha(["serve", "--foo"])
        #expect(run.code == 64)
        #expect(run.errorLines.first == "Error: Unknown option '--foo'")
        #expect(run.errorLines.last == "See 'nafidha serve --help'.")
    }

    @Test(
        "exits 64 for a --listen value that is not HOST:PORT",
        arguments: ["localhost", "host:65536", ":80", "::1:80", "h:8x"])
    func invalidListen(value: String) {
        let run = runNafidha(["serve", "--listen", value])
        #expect(run.code == 64)
        #expect(
            run.errorLines.first?.hasPrefix("Error: The value '\(value)' is invalid for '--listen <host:port>'") == true
        )
    }

    @Test("exits 64 when a database URL and a data folder are both given")
    func urlAndDataDirConflict() {
        let run = runNafidha(["migrate", "--database-url", "postgresql://x@/y", "--data-dir", "/tmp/x"])
        #expect(run.code == 64)
        #expect(run.errorLines.first == "Error: '--database-url <url>' and '--data-dir <dir>' cannot be used together")
    }

    @Test("exits 64 when a database port is asked for an external database URL")
    func databasePortWithURL() {
        let run = runNafidha(["serve", "--database-url", "postgresql://x@/y", "--database-port", "5544"])
        #expect(run.code == 64)
        #expect(
            run.errorLines.first == "Error: '--database-url <url>' and '--database-port <port>' cannot be used together"
        )
    }

    @Test("exits 1 when a database port is asked while DATABASE_URL chooses an external database")
    func databasePortWithEnvironmentURL() {
        let run = runNafidha(["serve", "--database-port", "5544"], environment: ["DATABASE_URL": "postgresql://x@/y"])
        #expect(run.code == 1)
        #expect(run.error == "Error: --database-port applies only to the embedded cluster, but DATABASE_URL is set\n")
    }

    @Test("exits 1 with one error line for a database URL that is not a URL, without echoing it")
    func malformedURL() {
        let run = runNafidha(["migrate", "--database-url", "not a secret url"])
        #expect(run.code == 1)
        #expect(run.errorLines.count == 1)
        #expect(run.error.hasPrefix("Error: --database-url is not a PostgreSQL URL"))
        #expect(!run.error.contains("secret"))
    }

    @Test("exits 1 with one error line for a malformed DATABASE_URL")
    func malformedEnvironmentURL() {
        let run = runNafidha(["migrate"], environment: ["DATABASE_URL": "postgresql://host/db?nonsense=1"])
        #expect(run.code == 1)
        #expect(run.errorLines.count == 1)
        #expect(run.error.hasPrefix("Error: DATABASE_URL is not a valid PostgreSQL URL"))
    }

    @Test("exits 69 with one error line when the database cannot be reached")
    func unreachableServer() {
        let run = runNafidha(["migrate", "--database-url", "postgresql://nafidha@/db?host=/nonexistent-nafidha-socket"])
        #expect(run.code == 69)
        #expect(run.errorLines.count == 1)
        #expect(run.error.hasPrefix("Error: cannot connect to the database: "))
    }

    @Test("exits 1 with one error line for a data folder that belongs to someone else", .enabled(if: geteuid() == 0))
    func dataFolderOfSomeoneElse() throws {
        let parent = try TemporaryFolder()
        defer { parent.remove() }
        let folder = parent.path + "/pg"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data("15\n".utf8).write(to: URL(fileURLWithPath: folder + "/PG_VERSION"))
        #expect(chown(folder, 65534, 65534) == 0)
        let run = runNafidha(["migrate", "--data-dir", folder])
        #expect(run.code == 1)
        #expect(run.errorLines.count == 1)
        #expect(run.error.hasPrefix("Error: the data folder '\(folder)' belongs to "))
    }

    @Test(
        "no command but serve creates a cluster: a missing data folder is one line naming it, exit 69",
        arguments: [
            ["migrate"], ["seed", "demo"], ["sla", "sweep"], ["admin", "issue-token", "amina"],
            ["admin", "report", "sla"], ["audit", "status"],
        ])
    func noClusterIsCreated(command: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let byDefault = runNafidha(command, currentDirectory: folder.path)
        #expect(byDefault.code == 69, "\(byDefault.error)")
        #expect(byDefault.errorLines.count == 1)
        #expect(byDefault.error.contains("\(folder.path)/.nafidha/pg does not exist"))
        #expect(byDefault.error.contains("--database-url"))
        let named = runNafidha(command + ["--data-dir", "pg"], currentDirectory: folder.path)
        #expect(named.code == 69 && named.error.contains("\(folder.path)/pg (--data-dir) does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing was created")
    }

    @Test("a database without Nafidha's schema, or with an older one, is one line saying to run nafidha migrate")
    func unmigratedDatabase() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let empty = runNafidha(["admin", "issue-token", "amina", "--database-url", database.url])
            #expect(
                empty.code == 1
                    && empty.error == "Error: the database has no Nafidha schema yet; run 'nafidha migrate' first\n")
            try SchemaMigrator(migrations: Array(EmbeddedMigrations.all.prefix(3))).migrate(database.connect())
            let older = runNafidha(["sla", "sweep", "--database-url", database.url])
            #expect(
                older.code == 1 && older.error.contains("schema is at version 3")
                    && older.error.contains("nafidha migrate"))
        }
    }

    @Test("migrates the database given by --database-url, then finds it up to date")
    func migrateWithURL() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let first = runNafidha(["migrate", "--database-url", database.url])
            #expect(first.code == 0, "stderr: \(first.error)")
            #expect(first.output.contains("Applied migrations/0001_foundation.sql\n"))
            let second = runNafidha(["migrate", "--database-url", database.url])
            #expect(second.code == 0)
            #expect(second.output.hasPrefix("Schema up to date at version "))
        }
    }

    @Test("falls back to DATABASE_URL when no option names a database")
    func migrateWithEnvironment() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let run = runNafidha(["migrate"], environment: ["DATABASE_URL": database.url])
            #expect(run.code == 0, "stderr: \(run.error)")
            #expect(run.output.contains("Applied migrations/0001_foundation.sql"))
        }
    }

    @Test("exits 1 with one error line for a database whose schema is newer")
    func newerDatabase() throws {
        try TestDatabase.with(fromTemplate: true) { database in
            try database.connect().execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'future', repeat('0', 64))"
            )
            let run = runNafidha(["migrate", "--database-url", database.url])
            #expect(run.code == 1)
            #expect(run.errorLines.count == 1)
            #expect(run.error.contains("version 999"))
        }
    }
}
