import ArgumentParsing
import Foundation
import HTTP
import NafidhaAPI
import NafidhaCLI
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Every subcommand of the real binary, found by walking the command tree, in each way it can fail: nothing
/// configured, an unreachable server and database, a token the server refuses, a missing data folder, a database
/// without the schema. Each answer must be one `Error:` line a person can act on, with the exit code of
/// docs/operations.md, and nothing of the machinery: no PostgresError, SQLSTATE or Swift type name.
@Suite("Every command's error paths", .serialized)
struct ErrorPathsTests {
    /// What a command talks to, which decides what each failure must answer.
    enum Kind {
        /// The HTTP API, with the credentials of `nafidha login` or NAFIDHA_URL and NAFIDHA_TOKEN.
        case api
        /// The database directly; needs this nafidha's schema.
        case database
        /// The database directly, and migrates it first (migrate, seed).
        case migrating
        /// `serve`: only its unreachable-database path ends by itself.
        case serve
        /// Neither: works on local files (`admin keygen`, `verify-decision`); its own tests cover its failures.
        case offline
    }

    /// Every runnable command: what it talks to and the least it needs to get past its usage checks. A command added
    /// to the tree without an entry here fails `everyCommandIsListed`.
    static let commands: [String: (kind: Kind, arguments: [String])] = [
        "serve": (.serve, ["--listen", "127.0.0.1:0"]),
        "migrate": (.migrating, []),
        "seed": (.migrating, ["demo"]),
        "admin create-staff": (
            .database, ["--name", "x", "--role", "clerk", "--municipality", "BEN", "--sector", "health"]
        ),
        "admin issue-token": (.database, ["amina"]),
        "admin revoke-token": (.database, ["amina"]),
        "admin create-api-key": (.database, ["--name", "App"]),
        "admin revoke-api-key": (.database, ["--name", "App"]),
        "admin report": (.database, ["sla"]),
        "admin catalog export": (.database, []),
        "admin catalog apply": (.database, ["catalog.json", "--dry-run"]),
        "admin catalog history": (.database, []),
        "sla sweep": (.database, []),
        "login": (.api, ["--url", "NAFIDHA_URL"]),
        "whoami": (.api, []),
        "queue": (.api, []),
        "search": (.api, ["--name", "abc"]),
        "claim": (.api, ["1"]),
        "release": (.api, ["1"]),
        "show": (.api, ["BEN-0000-0000"]),
        "approve": (.api, ["1"]),
        "reject": (.api, ["1", "--reason", "x"]),
        "request-info": (.api, ["1", "--message", "x"]),
        "forward": (.api, ["1", "--to", "health", "--reason", "x"]),
        "note": (.api, ["BEN-0000-0000", "--text", "x"]),
        "moderate": (.api, ["BEN-0000-0000", "--description", "--hide", "--reason", "x"]),
        "report": (.api, ["sla"]),
        "audit export": (.api, ["--from", "2026-01-01", "--to", "2026-02-01", "--output", "OUTPUT"]),
        "admin audit-export": (.database, ["--output", "OUTPUT"]),
        "admin audit-verify": (.database, []),
        "audit verify": (.api, []),
        "audit status": (.database, []),
        "audit sequence": (.database, []),
        "admin keygen": (.offline, ["--output", "OUTPUT"]),
        "verify-decision": (.offline, ["decision.json", "--public-key", "KEY"]),
        "admin set-contact": (.database, ["amina", "--email", "amina@ben.ly"]),
        "admin create-webhook": (.database, ["--url", "http://crm.example.ly/hook"]),
        "admin list-webhooks": (.database, []),
        "admin delete-webhook": (.database, ["1"]),
        "admin notifications": (.database, []),
        "admin redeliver": (.database, ["1"]),
        "events": (.api, []),
        "file": (
            .api,
            [
                "building_permit", "--municipality", "BEN", "--applicant-name", "Amal", "--national-id",
                "119850123456", "--phone", "0912345678",
            ]
        ),
        "appeals": (.api, []),
        "uphold": (.api, ["1", "--reason", "x"]),
        "grant": (.api, ["1", "--reason", "x"]),
        "documents": (.api, ["BEN-0000-0000"]),
        "download": (.api, ["1"]),
        "pay": (.api, ["TRP-0000000000-1", "--amount", "1", "--method", "cash"]),
        "refund": (.api, ["TRP-0000000000-1", "--method", "cash"]),
        "cancel-receipt": (.api, ["TRP-2026-000001", "--reason", "x"]),
        "admin collect-fees": (.database, ["--municipality", "TRP"]),
        "admin create-payment-provider": (.database, ["--name", "sadad"]),
    ]

    /// The runnable commands of the tree, as the words that invoke them.
    static func runnablePaths(_ command: any ParsableCommand.Type = NafidhaCommand.self, prefix: [String] = [])
        -> [String]
    {
        let configuration = command.configuration
        let isRoot = ObjectIdentifier(command) == ObjectIdentifier(NafidhaCommand.self)
        let path = isRoot ? prefix : prefix + [configuration.name]
        guard !configuration.subcommands.isEmpty else { return [path.joined(separator: " ")] }
        return configuration.subcommands.flatMap { runnablePaths($0, prefix: path) }
    }

    /// Whether `text` shows what must never reach a person: driver errors, SQLSTATEs, Swift type and module names.
    static func leaks(_ text: String) -> Bool {
        let pattern =
            #"PostgresError|SQLSTATE|\b[A-Z][A-Za-z]+Error\b|\b(Swift|Foundation|NafidhaCLI|NafidhaCore|Postgres|HTTP)\.[A-Z]"#
            + #"|Optional\("#
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    struct Run {
        let code: Int32
        let output: String
        let error: String
    }

    /// Runs the binary in `folder` with only `environment` (plus PATH and HOME = `folder`), standard input empty.
    static func run(_ words: [String], environment: [String: String], in folder: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try #require(ProcessInfo.processInfo.environment["NAFIDHA_BINARY"], "set by scripts/test"))
        process.arguments = words
        process.environment = environment.merging(["PATH": "/usr/bin:/bin", "HOME": folder]) { first, _ in first }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputText = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(code: process.terminationStatus, output: outputText, error: errorText)
    }

    /// Runs every command of `kinds` in `folder` with `environment` and checks the answer.
    private static func check(
        _ scenario: String, kinds: Set<Kind>, environment: [String: String], extra: [String] = [],
        expected: (String, Kind) -> Int32, mentioning: ((String, Kind) -> String?)? = nil
    ) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (path, entry) in commands.sorted(by: { $0.key < $1.key }) where kinds.contains(entry.kind) {
            let arguments = entry.arguments.map { word in
                switch word {
                case "NAFIDHA_URL": environment["NAFIDHA_URL"] ?? "http://127.0.0.1:1"
                case "OUTPUT": folder.path + "/export.out"
                default: word
                }
            }
            let extraArguments = entry.kind == .api ? [] : extra
            let run = try run(
                path.split(separator: " ").map(String.init) + arguments + extraArguments, environment: environment,
                in: folder.path)
            let label = "\(scenario): nafidha \(path) → \(run.code) \(run.error)"
            #expect(run.code == expected(path, entry.kind), "\(label)")
            #expect(!Self.leaks(run.output) && !Self.leaks(run.error), "\(label)")
            if run.code != 0 {
                #expect(run.error.hasPrefix("Error: ") && run.error.split(separator: "\n").count == 1, "\(label)")
            }
            if let text = mentioning?(path, entry.kind) { #expect(run.error.contains(text), "\(label)") }
        }
    }

    @Test("the table lists every runnable command of the tree, and only those")
    func everyCommandIsListed() {
        #expect(Set(Self.runnablePaths()) == Set(Self.commands.keys))
    }

    @Test("nothing configured: API commands exit 64 saying how to log in, database commands 69 naming the folder")
    func nothingConfigured() throws {
        try Self.check(
            "nothing configured", kinds: [.api, .database, .migrating], environment: [:],
            expected: { _, kind in kind == .api ? 64 : 69 },
            mentioning: { path, kind in
                kind == .api ? (path == "login" ? "NAFIDHA_TOKEN" : "nafidha login") : ".nafidha/pg does not exist"
            })
    }

    @Test("an unreachable server and database: every command, serve too, exits 69")
    func unreachable() throws {
        try Self.check(
            "unreachable",
            kinds: [.api, .database, .migrating, .serve],
            environment: [
                "NAFIDHA_URL": "http://127.0.0.1:1", "NAFIDHA_TOKEN": "nfs_x",
                "DATABASE_URL": "postgresql://nafidha@/nafidha?host=/nonexistent-nafidha-socket",
            ],
            expected: { _, _ in 69 },
            mentioning: { _, kind in kind == .api ? "the server is unreachable" : "database" })
    }

    @Test("a missing data folder: every database command exits 69 naming it, and none creates it")
    func missingDataFolder() throws {
        try Self.check(
            "missing data folder", kinds: [.database, .migrating], environment: [:],
            extra: ["--data-dir", "/tmp/nafidha-no-such-folder/pg"], expected: { _, _ in 69 },
            mentioning: { _, _ in "/tmp/nafidha-no-such-folder/pg (--data-dir) does not exist" })
        #expect(!FileManager.default.fileExists(atPath: "/tmp/nafidha-no-such-folder"))
    }

    @Test("a token the server refuses: every API command exits 1 with invalid_token and how to log in again")
    func refusedToken() throws {
        // Every API command fails once from one address: more than the throttle's default allows in a minute.
        var settings = APIRouter.Settings()
        settings.authFailures.maximumFailures = 1000
        try StaffTestWorld.with { world in
            try RecordingServer.with(world, settings: settings) { server in
                try Self.check(
                    "refused token", kinds: [.api], environment: server.session("nfs_forged"), expected: { _, _ in 1 },
                    mentioning: { _, _ in "(invalid_token)" })
            }
        }
    }

    @Test("a database without the schema: database commands say to run nafidha migrate; API commands exit 1")
    func emptyDatabase() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            configuration.accessLog = .disabled
            let server = HTTPServer(
                configuration: configuration, responder: APIRouter.make(services: NafidhaServices(pool: pool)))
            let port = try server.start()
            defer { server.shutdown() }
            try Self.check(
                "empty database", kinds: [.api, .database],
                environment: [
                    "NAFIDHA_URL": "http://127.0.0.1:\(port)", "NAFIDHA_TOKEN": "nfs_x", "DATABASE_URL": database.url,
                ],
                expected: { _, _ in 1 },
                mentioning: { _, kind in kind == .api ? nil : "nafidha migrate" })
            try Self.check(
                "empty database, migrating", kinds: [.migrating], environment: ["DATABASE_URL": database.url],
                expected: { _, _ in 0 })
        }
    }
}
