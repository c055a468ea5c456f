import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Request search by applicant")
struct RequestSearchTests {
    /// Inserts a request in `municipality` with `tasks`, then gives it this applicant.
    @discardableResult
    private static func request(
        _ world: StaffTestWorld, in municipality: String, tasks: [QueueFixtures.TaskSpec] = [.init(sector: "health")],
        name: String = "سارة بن علي", nationalID: String? = "119900123456", phone: String? = "+218911234567"
    ) throws -> QueueFixtures.Inserted {
        let inserted = try world.request(in: municipality, tasks: tasks)
        try world.query(
            "UPDATE requests SET applicant_name = $1, applicant_national_id = $2, applicant_phone = $3 WHERE id = $4",
            [name, nationalID, phone, inserted.requestID])
        return inserted
    }

    private static func found(
        _ world: StaffTestWorld, _ criterion: Staff.RequestSearchQuery.Criterion, by member: StaffMember,
        municipality: String? = nil
    ) throws -> [String] {
        try world.services.search.search(.init(criterion, municipality: municipality), for: member).requests
            .map(\.trackingNumber)
    }

    private static func code(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as NafidhaError { return error.code.rawValue } catch { return "\(error)" }
    }

    private static let auditor = StaffMember.testing("audit1", .auditor, municipalities: [])

    @Test("finds a national id typed in Arabic-Indic digits with spaces and dashes")
    func nationalIDIsNormalized() throws {
        try StaffTestWorld.with { world in
            let wanted = try Self.request(world, in: "BEN")
            try Self.request(world, in: "BEN", nationalID: "219850000001")
            for typed in ["119900123456", "١١٩٩٠٠١٢٣٤٥٦", "1199 0012-3456", "۱۱۹۹۰۰۱۲۳۴۵۶"] {
                #expect(
                    try Self.found(world, .nationalID(typed), by: Self.auditor) == [wanted.trackingNumber], "\(typed)")
            }
            #expect(Self.code { try Self.found(world, .nationalID("12ab"), by: Self.auditor) } == "invalid_search_term")
        }
    }

    @Test("finds a phone typed in the international, 00 or national form, with separators and Arabic-Indic digits")
    func phoneIsNormalized() throws {
        try StaffTestWorld.with { world in
            let libyan = try Self.request(world, in: "BEN")
            let djiboutian = try Self.request(world, in: "BLS", nationalID: "12345678", phone: "+25377123456")
            for typed in ["+218911234567", "+218 91-123 4567", "00218911234567", "091 123 4567", "٠٩١١٢٣٤٥٦٧"] {
                #expect(try Self.found(world, .phone(typed), by: Self.auditor) == [libyan.trackingNumber], "\(typed)")
            }
            #expect(try Self.found(world, .phone("77 12 34 56"), by: Self.auditor) == [djiboutian.trackingNumber])
            let benghazi = StaffMember.testing("salem", .supervisor, municipalities: ["BEN"])
            #expect(Self.code { try Self.found(world, .phone("77 12 34 56"), by: benghazi) } == "invalid_search_term")
            #expect(Self.code { try Self.found(world, .phone("12"), by: Self.auditor) } == "invalid_search_term")
        }
    }

    @Test("matches names whatever their hamza, ta marbuta, alef maqsura, tatweel, harakat or Latin case and accents")
    func namesAreNormalized() throws {
        try StaffTestWorld.with { world in
            let ahmed = try Self.request(world, in: "BEN", name: "أَحْمَد مصطفى")
            let fatima = try Self.request(world, in: "BEN", name: "فاطمة إبراهيم")
            let mohamed = try Self.request(world, in: "BEN", name: "مـحـمّد آل سالم")
            let helene = try Self.request(world, in: "BEN", name: "Hélène Dupont")
            let cases: [(String, QueueFixtures.Inserted)] = [
                ("احمد", ahmed), ("أحمد", ahmed), ("مصطفي", ahmed), ("فاطمه", fatima), ("ابراهيم", fatima),
                ("محمد", mohamed), ("ال سالم", mohamed), ("HELENE", helene), ("dupont", helene), ("lène du", helene),
            ]
            for (typed, wanted) in cases {
                #expect(try Self.found(world, .name(typed), by: Self.auditor) == [wanted.trackingNumber], "\(typed)")
            }
            #expect(try Self.found(world, .name("zzz"), by: Self.auditor).isEmpty)
        }
    }

    @Test("refuses a name under three characters once normalized, and takes LIKE's wildcards literally")
    func shortNamesAndWildcards() throws {
        try StaffTestWorld.with { world in
            try Self.request(world, in: "BEN", name: "Abc Def")
            for typed in ["ab", " a ", "أَ ب", "ـــــ"] {
                #expect(Self.code { try Self.found(world, .name(typed), by: Self.auditor) } == "search_term_too_short")
            }
            #expect(try Self.found(world, .name("a_c"), by: Self.auditor).isEmpty)
            #expect(try Self.found(world, .name("%%%"), by: Self.auditor).isEmpty)
            #expect(try Self.found(world, .name(String(repeating: "a", count: 201)), by: Self.auditor).isEmpty)
        }
    }

    @Test("finds exactly the requests whose staff view the caller may open, for every role and scope")
    func scopeIsTheStaffViews() throws {
        try StaffTestWorld.with { world in
            let open = try Self.request(world, in: "BEN", tasks: [.init(sector: "civil_registry")])
            let waiting = try Self.request(
                world, in: "BEN", tasks: [.init(sector: "civil_registry"), .init(sector: "health", status: "waiting")])
            let decided = try Self.request(world, in: "BEN", tasks: [.init(sector: "finance")])
            try world.query(
                "UPDATE tasks SET status = 'approved', closed_at = now() WHERE id = $1", [decided.taskIDs[0]])
            let tripoli = try Self.request(world, in: "TRP", tasks: [.init(sector: "civil_registry")])
            let all = [open, waiting, decided, tripoli]
            let members = [
                StaffMember.testing("cr", .clerk, sectors: ["civil_registry"]),
                StaffMember.testing("he", .clerk, sectors: ["health"]),
                StaffMember.testing("fi", .clerk, sectors: ["finance"]),
                StaffMember.testing("both", .clerk, municipalities: ["BEN", "TRP"], sectors: ["civil_registry"]),
                StaffMember.testing("sup", .supervisor),
                StaffMember.testing("trp", .auditor, municipalities: ["TRP"]),
                StaffMember.testing("adm", .admin, municipalities: []),
            ]
            for member in members {
                let found = Set(try Self.found(world, .nationalID("119900123456"), by: member))
                let viewable = Set(
                    all.map(\.trackingNumber).filter { tracking in
                        (try? world.engine.staffView(tracking: tracking, for: member)) != nil
                    })
                #expect(found == viewable, "\(member.name)")
            }
            #expect(
                Set(try Self.found(world, .nationalID("119900123456"), by: members[0]))
                    == [open.trackingNumber, waiting.trackingNumber])
            #expect(try Self.found(world, .nationalID("119900123456"), by: members[1]).isEmpty)
            #expect(
                try Self.found(world, .name("سارة"), by: members[3], municipality: "TRP") == [tripoli.trackingNumber])
            #expect(
                Self.code { try Self.found(world, .name("سارة"), by: members[0], municipality: "TRP") }
                    == "out_of_scope")
        }
    }

    @Test("records one personal_data_viewed event per request shown, naming the searcher")
    func everyResultIsAudited() throws {
        try StaffTestWorld.with { world in
            try Self.request(world, in: "BEN")
            try Self.request(world, in: "TRP")
            try Self.request(world, in: "MIS", nationalID: "219850000001")
            let found = try Self.found(world, .nationalID("119900123456"), by: Self.auditor)
            #expect(found.count == 2)
            let events = try world.query(
                """
                SELECT actor, actor_kind, details::jsonb->>'view' AS view, details::jsonb->>'criterion' AS criterion
                  FROM audit_events WHERE action = 'personal_data_viewed'
                """)
            #expect(events.count == 2)
            for event in events {
                #expect(try event.decode("actor", as: String.self) == "audit1")
                #expect(try event.decode("actor_kind", as: String.self) == "auditor")
                #expect(try event.decode("view", as: String.self) == "staff_search")
                #expect(try event.decode("criterion", as: String.self) == "national_id")
            }
            _ = try Self.found(world, .nationalID("219850000002"), by: Self.auditor)
            let after = try world.query(
                "SELECT count(*)::int8 AS n FROM audit_events WHERE action = 'personal_data_viewed'")
            #expect(try after[0].decode("n", as: Int64.self) == 2, "an empty answer shows no one's data")
        }
    }

    @Test("pages newest first with a cursor to the end, and refuses a cursor it did not make")
    func paging() throws {
        try StaffTestWorld.with { world in
            var made: [String] = []
            for _ in 0..<5 { made.append(try Self.request(world, in: "BEN").trackingNumber) }
            let search = world.services.search
            var query = Staff.RequestSearchQuery(.name("سارة"), limit: 2)
            var pages: [[String]] = []
            while true {
                let page = try search.search(query, for: Self.auditor)
                pages.append(page.requests.map(\.trackingNumber))
                guard let next = page.nextCursor else { break }
                query.cursor = next
            }
            #expect(pages.map(\.count) == [2, 2, 1])
            #expect(pages.flatMap { $0 } == made.reversed(), "newest first, each once")
            query.cursor = "bm90LWEtY3Vyc29y"
            #expect(Self.code { try search.search(query, for: Self.auditor) } == "invalid_cursor")
            let capped = try search.search(.init(.name("سارة"), limit: 500), for: Self.auditor)
            #expect(capped.requests.count == 5 && capped.nextCursor == nil)
        }
    }

    @Test(
        "each criterion is answered from its index",
        arguments: [
            ("r.applicant_national_id = ANY ($1::text[])", "'{119900123456}'", "requests_applicant_national_id"),
            ("r.applicant_phone = ANY ($1::text[])", "'{+218911234567}'", "requests_applicant_phone"),
            ("request_search_name(r.applicant_name) LIKE $1", "'%سارة%'", "requests_applicant_name_search"),
        ])
    func indexesAreUsed(condition: String, value: String, index: String) throws {
        try StaffTestWorld.with { world in
            try Self.request(world, in: "BEN")
            // Without sequential scans the planner takes an index if one can answer the condition at all.
            let plan = try world.pool.withTransaction { connection in
                try connection.execute("SET LOCAL enable_seqscan = off")
                let sql =
                    "EXPLAIN SELECT r.id FROM requests r WHERE " + condition.replacingOccurrences(of: "$1", with: value)
                return try connection.query(sql).map { try $0.decode("QUERY PLAN", as: String.self) }.joined()
            }
            #expect(plan.contains(index), "\(plan)")
        }
    }
}
