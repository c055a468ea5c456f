import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The clerk commands that page, search and say who you are, in-process against the real API on a real database.
@Suite("Clerk CLI: queue pages, --mine, search, whoami, login")
struct ClerkCommandsTests {
    /// A world with a server and a clerk of BEN's civil registry (`amina`) whose session `body` gets.
    private static func withClerk(_ body: (StaffTestWorld, RecordingServer, [String: String]) throws -> Void) throws {
        try StaffTestWorld.with { world in
            try world.staff("amina", .clerk, municipalities: ["BEN"], sectors: ["civil_registry"])
            let token = try world.directory.issueToken(forStaff: "amina").text
            try RecordingServer.with(world) { server in try body(world, server, server.session(token)) }
        }
    }

    private static func json(_ run: NafidhaRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.error)")
    }

    private static func ids(_ run: NafidhaRun) throws -> [Int] {
        try #require(try json(run)["tasks"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
    }

    @Test("--limit pages, --cursor goes on where a page ended, and --all follows every page")
    func paging() throws {
        try Self.withClerk { world, _, amina in
            let made = try world.request(in: "BEN", tasks: (0..<7).map { _ in .init(sector: "civil_registry") })
            let first = runNafidha(["queue", "--limit", "3", "--json"], environment: amina)
            let cursor = try #require(try Self.json(first)["next_cursor"] as? String)
            let second = runNafidha(["queue", "--limit", "3", "--cursor", cursor, "--json"], environment: amina)
            let all = runNafidha(["queue", "--all", "--limit", "3", "--json"], environment: amina)
            #expect(try Self.ids(first).count == 3 && Self.ids(second).count == 3)
            #expect(Set(try Self.ids(first) + Self.ids(second)).count == 6)
            #expect(Set(try Self.ids(all)) == Set(made.taskIDs.map { Int($0) }))
            #expect(try Self.json(all)["next_cursor"] is NSNull)
            let text = runNafidha(["queue", "--limit", "3"], environment: amina)
            #expect(text.output.contains("--cursor \(cursor)"), "\(text.output)")
            let everything = runNafidha(["queue", "--all"], environment: amina)
            #expect(!everything.output.contains("--cursor") && everything.output.split(separator: "\n").count == 10)
        }
    }

    @Test("--all follows every page of a queue of 500 tasks at the server's default page size, each task once")
    func pagingFiveHundred() throws {
        try Self.withClerk { world, _, amina in
            var made: Set<Int> = []
            for _ in 0..<10 {
                let request = try world.request(in: "BEN", tasks: (0..<50).map { _ in .init(sector: "civil_registry") })
                made.formUnion(request.taskIDs.map { Int($0) })
            }
            let all = runNafidha(["queue", "--all", "--json"], environment: amina)
            #expect(all.code == 0, "\(all.error)")
            let ids = try Self.ids(all)
            #expect(ids.count == 500)
            #expect(Set(ids) == made)
            #expect(try Self.json(all)["next_cursor"] is NSNull)
        }
    }

    @Test("--mine lists the tasks I hold, with when each claim lapses; --status chooses the statuses")
    func mineAndStatus() throws {
        try Self.withClerk { world, _, amina in
            try world.staff("omar", .clerk, municipalities: ["BEN"], sectors: ["civil_registry"])
            let omar = try world.directory.authenticate(token: try world.directory.issueToken(forStaff: "omar").text)
            let tasks = try world.request(in: "BEN", tasks: (0..<4).map { _ in .init(sector: "civil_registry") })
            #expect(runNafidha(["claim", String(tasks.taskIDs[0])], environment: amina).code == 0)
            #expect(runNafidha(["claim", String(tasks.taskIDs[1])], environment: amina).code == 0)
            _ = try world.engine.claim(task: tasks.taskIDs[2], by: omar)

            let mine = runNafidha(["queue", "--mine", "--json"], environment: amina)
            let held = try #require(try Self.json(mine)["tasks"] as? [[String: Any]])
            #expect(Set(held.compactMap { $0["id"] as? Int }) == Set(tasks.taskIDs.prefix(2).map { Int($0) }))
            #expect(held.allSatisfy { $0["assignee"] as? String == "amina" && $0["lease_expires_at"] is String })
            let table = runNafidha(["queue", "--mine"], environment: amina)
            #expect(table.output.hasPrefix("TASK") && table.output.contains("LEASE ENDS (UTC)"), "\(table.output)")
            #expect(table.output.split(separator: "\n").count == 3)

            let claimed = runNafidha(["queue", "--status", "claimed", "--json"], environment: amina)
            #expect(try Self.ids(claimed).count == 3)
            let open = runNafidha(["queue", "--json"], environment: amina)
            #expect(try Self.ids(open) == [Int(tasks.taskIDs[3])])
            #expect(runNafidha(["queue", "--status", "done"], environment: amina).code == 64)
            #expect(runNafidha(["queue", "--limit", "0"], environment: amina).code == 64)
            #expect(runNafidha(["queue", "--limit", "201"], environment: amina).code == 64)
        }
    }

    @Test("search finds an applicant's requests by national id, phone or name, and refuses a bad criterion")
    func search() throws {
        try Self.withClerk { world, _, amina in
            let request = try world.request(in: "BEN", tasks: [.init(sector: "civil_registry")])
            let byID = runNafidha(["search", "--national-id", "١١٩٩ ٠٠١٢ ٣٤٥٦"], environment: amina)
            #expect(byID.code == 0 && byID.output.contains(request.trackingNumber), "\(byID.error)")
            #expect(byID.output.contains("+218911234567") && byID.output.hasPrefix("TRACKING"))
            let byPhone = runNafidha(["search", "--phone", "091-123-4567", "--json"], environment: amina)
            let found = try #require(try Self.json(byPhone)["requests"] as? [[String: Any]])
            #expect(found.map { $0["tracking_number"] as? String } == [request.trackingNumber])
            let byName = runNafidha(["search", "--name", "ساره", "--municipality", "BEN"], environment: amina)
            #expect(byName.output.contains(request.trackingNumber), "\(byName.error)")
            let none = runNafidha(["search", "--name", "nobody here"], environment: amina)
            #expect(none.code == 0 && none.output == "No request you may see matches.\n")

            let short = runNafidha(["search", "--name", "ab"], environment: amina)
            #expect(short.code == 1 && short.error.contains("(search_term_too_short)"))
            let foreign = runNafidha(["search", "--name", "abc", "--municipality", "TRP"], environment: amina)
            #expect(foreign.code == 1 && foreign.error.contains("(out_of_scope)"))
            for arguments in [["search"], ["search", "--name", "abc", "--phone", "091"], ["search", "--name", " "]] {
                let run = runNafidha(arguments, environment: amina)
                #expect(run.code == 64 && run.error.contains("See 'nafidha search --help'."), "\(arguments)")
            }
        }
    }

    @Test("whoami names the token's staff member, role, server and scope")
    func whoami() throws {
        try Self.withClerk { _, server, amina in
            let run = runNafidha(["whoami"], environment: amina)
            #expect(run.output == "amina (clerk) on \(server.url): BEN; sectors civil_registry\n", "\(run.error)")
            let json = try Self.json(runNafidha(["whoami", "--json"], environment: amina))
            #expect(json["name"] as? String == "amina" && json["role"] as? String == "clerk")
            let forged = runNafidha(["whoami"], environment: amina.merging(["NAFIDHA_TOKEN": "nfs_forged"]) { $1 })
            #expect(
                forged.code == 1 && forged.error.contains("(invalid_token)") && forged.error.contains("nafidha login"))
        }
    }

    @Test("login leaves the credentials folder 0700 and the file 0600, even when they existed with wider modes")
    func loginModes() throws {
        try Self.withClerk { _, server, amina in
            let home = try TemporaryFolder()
            defer { home.remove() }
            let folder = home.path + "/.config/nafidha"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            chmod(folder, 0o755)
            FileManager.default.createFile(atPath: folder + "/credentials", contents: Data("url=old\n".utf8))
            chmod(folder + "/credentials", 0o644)
            let login = runNafidha(
                ["login", "--url", server.url],
                environment: ["HOME": home.path, "NAFIDHA_TOKEN": amina["NAFIDHA_TOKEN"] ?? ""])
            #expect(login.code == 0, "\(login.error)")
            var info = stat()
            #expect(stat(folder, &info) == 0 && info.st_mode & 0o777 == 0o700)
            #expect(stat(folder + "/credentials", &info) == 0 && info.st_mode & 0o777 == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["credentials"])
            let me = runNafidha(["whoami"], environment: ["HOME": home.path])
            #expect(me.code == 0 && me.output.hasPrefix("amina (clerk)"), "\(me.error)")
        }
    }
}
