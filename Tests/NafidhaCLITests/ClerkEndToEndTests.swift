import Foundation
import HTTP
import NafidhaAPI
import NafidhaCore
import Synchronization
import TestSupport
import Testing

/// End to end: the real `nafidha` binary (NAFIDHA_BINARY) against a real server (HTTPServer on an ephemeral port
/// over the API router) and a real database.
@Suite("Clerk CLI end to end")
struct ClerkEndToEndTests {
    struct Run {
        let code: Int32
        let output: String
        let error: String

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        }
    }

    /// Runs the binary with only the given environment (plus PATH), waiting for it to exit.
    static func nafidha(_ arguments: [String], environment: [String: String]) throws -> Run {
        let binary = try #require(ProcessInfo.processInfo.environment["NAFIDHA_BINARY"], "set by scripts/test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { first, _ in first }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            code: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    /// A world with a running server; `body` gets the world and the server's URL.
    static func withServer(_ body: (StaffTestWorld, String) throws -> Void) throws {
        try StaffTestWorld.with { world in
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            configuration.host = "127.0.0.1"
            configuration.accessLog = .disabled
            let server = HTTPServer(configuration: configuration, responder: APIRouter.make(services: world.services))
            let port = try server.start()
            defer { server.shutdown() }
            try body(world, "http://127.0.0.1:\(port)")
        }
    }

    /// Creates staff through `nafidha admin` and returns the environment of a clerk session with its token.
    static func session(_ world: StaffTestWorld, url: String, _ arguments: [String]) throws -> [String: String] {
        let name = arguments[1]
        let created = try nafidha(
            ["admin", "create-staff"] + arguments + ["--database-url", world.database.url], environment: [:])
        #expect(created.code == 0, "\(created.error)")
        let issued = try nafidha(
            ["admin", "issue-token", name, "--database-url", world.database.url], environment: [:])
        #expect(issued.code == 0, "\(issued.error)")
        return ["NAFIDHA_URL": url, "NAFIDHA_TOKEN": issued.output.trimmingCharacters(in: .whitespacesAndNewlines)]
    }

    @Test("a clerk claims and a second clerk's claim-next gets another task; release gives it back")
    func claimAndSecondClerk() throws {
        try Self.withServer { world, url in
            let amina = try Self.session(
                world, url: url,
                ["--name", "amina", "--role", "clerk", "--municipality", "BEN", "--sector", "civil_registry"])
            let omar = try Self.session(
                world, url: url,
                ["--name", "omar", "--role", "clerk", "--municipality", "BEN", "--sector", "civil_registry"])
            let inserted = try world.request(
                in: "BEN", tasks: [.init(sector: "civil_registry"), .init(sector: "civil_registry")])
            let queue = try Self.nafidha(["queue", "--json"], environment: amina)
            #expect(queue.code == 0)
            #expect((try queue.json()["tasks"] as? [Any])?.count == 2)
            let first = try Self.nafidha(["claim", "--next", "--json"], environment: amina)
            let second = try Self.nafidha(
                ["claim", "--next", "--sector", "civil_registry", "--json"], environment: omar)
            let a = try first.json()["id"] as? Int
            let b = try second.json()["id"] as? Int
            #expect(a != nil && b != nil && a != b && Set([a, b]) == Set(inserted.taskIDs.map { Int($0) }))
            let empty = try Self.nafidha(["claim", "--next"], environment: amina)
            #expect(empty.code == 1 && empty.error.contains("queue_empty"))
            let stolen = try Self.nafidha(["release", "\(b ?? 0)"], environment: amina)
            #expect(stolen.code == 1 && stolen.error.contains("not_assignee"))
            let released = try Self.nafidha(["release", "\(a ?? 0)"], environment: amina)
            #expect(released.code == 0 && released.output.contains("Released task"))
            #expect(!released.output.contains("\u{1B}["))
        }
    }

    @Test("32 concurrent claim-next processes never get the same task")
    func concurrentClerks() throws {
        try Self.withServer { world, url in
            let sessions = try (0..<4).map { index in
                try Self.session(
                    world, url: url,
                    ["--name", "c\(index)", "--role", "clerk", "--municipality", "SEB", "--sector", "health"])
            }
            try world.request(in: "SEB", tasks: (0..<32).map { _ in .init(sector: "health") })
            let ids = Mutex<[Int]>([])
            let failures = Mutex<[String]>([])
            let group = DispatchGroup()
            for index in 0..<32 {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        let run = try Self.nafidha(["claim", "--next", "--json"], environment: sessions[index % 4])
                        guard run.code == 0, let id = try run.json()["id"] as? Int else {
                            failures.withLock { $0.append("exit \(run.code): \(run.error)") }
                            return
                        }
                        ids.withLock { $0.append(id) }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            group.wait()
            #expect(failures.withLock { $0 } == [])
            let claimed = ids.withLock { $0 }
            #expect(claimed.count == 32 && Set(claimed).count == 32)
        }
    }

    @Test("every authorization denial exits 1 with the server's reason")
    func denials() throws {
        try Self.withServer { world, url in
            let clerk = try Self.session(
                world, url: url,
                ["--name", "amina", "--role", "clerk", "--municipality", "BEN", "--sector", "civil_registry"])
            let auditor = try Self.session(world, url: url, ["--name", "audit1", "--role", "auditor"])
            let otherSector = try world.request(in: "BEN", tasks: [.init(sector: "health")]).taskIDs[0]
            let otherTown = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")]).taskIDs[0]
            let cases: [([String], [String: String], String)] = [
                (["claim", "\(otherSector)"], clerk, "task_not_found"),
                (["claim", "\(otherTown)"], clerk, "task_not_found"),
                (["queue", "--sector", "health"], clerk, "out_of_scope"),
                (["queue", "--municipality", "TRP"], clerk, "out_of_scope"),
                (["claim", "--next"], auditor, "read_only_role"),
                (["claim", "\(otherTown)"], auditor, "read_only_role"),
                (["queue"], clerk.merging(["NAFIDHA_TOKEN": "nfs_forged"]) { $1 }, "invalid_token"),
            ]
            for (arguments, environment, code) in cases {
                let run = try Self.nafidha(arguments, environment: environment)
                #expect(
                    run.code == 1 && run.error.hasPrefix("Error: ") && run.error.contains(code),
                    "\(arguments): \(run.error)")
            }
            let auditorQueue = try Self.nafidha(["queue", "--json"], environment: auditor)
            #expect(auditorQueue.code == 0)
            #expect((try auditorQueue.json()["tasks"] as? [Any])?.count == 2)
        }
    }

    @Test("an unreachable server exits 69 and bad usage exits 64")
    func exitCodes() throws {
        let unreachable = try Self.nafidha(
            ["queue"], environment: ["NAFIDHA_URL": "http://127.0.0.1:1", "NAFIDHA_TOKEN": "nfs_x"])
        #expect(unreachable.code == 69 && unreachable.error.contains("unreachable"))
        let usage = try Self.nafidha(["claim", "7", "--next"], environment: [:])
        #expect(usage.code == 64 && usage.error.contains("See 'nafidha claim --help'."))
    }

    @Test("the escalation sweep marks an overdue task once and supervisors see it")
    func escalationSweep() throws {
        try Self.withServer { world, url in
            let supervisor = try Self.session(
                world, url: url, ["--name", "salem", "--role", "supervisor", "--municipality", "MIS"])
            let late = try world.request(
                in: "MIS", tasks: [.init(sector: "health", dueIn: -600), .init(sector: "finance")])
            let sweep = try Self.nafidha(
                ["sla", "sweep", "--json", "--database-url", world.database.url], environment: [:])
            #expect(sweep.code == 0 && sweep.output.contains(#""escalated":1"#))
            let again = try Self.nafidha(
                ["sla", "sweep", "--json", "--database-url", world.database.url], environment: [:])
            #expect(again.output.contains(#""escalated":0"#))
            let overdue = try Self.nafidha(["queue", "--overdue", "--json"], environment: supervisor)
            let tasks = try #require(try overdue.json()["tasks"] as? [[String: Any]])
            #expect(
                tasks.count == 1 && tasks[0]["id"] as? Int == Int(late.taskIDs[0]) && tasks[0]["escalated_at"] is String
            )
            let events = try world.query("SELECT count(*) AS n FROM audit_events WHERE action = 'escalated'")[0]
            #expect(try events.decode("n", as: Int.self) == 1)
        }
    }
}
