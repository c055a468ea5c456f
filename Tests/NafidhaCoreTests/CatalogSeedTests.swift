import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("The demo catalog seed")
struct CatalogSeedTests {
    @Test("the binary carries exactly seeds/demo-catalog.json (else run scripts/embed-seeds)")
    func embeddedSeedIsCurrent() throws {
        let file = SchemaEquivalenceTests.repositoryRoot.appendingPathComponent("seeds/demo-catalog.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == EmbeddedSeeds.demoCatalog, "seeds/demo-catalog.json changed: run scripts/embed-seeds")
    }

    @Test("loads into an empty catalog once, and a second load writes nothing")
    func loadsOnce() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            guard case .loaded(let counts) = try DemoCatalog.load(on: connection) else {
                Issue.record("an empty catalog was not loaded")
                return
            }
            #expect(
                counts.countries == 2 && counts.municipalities == 15 && counts.sectors == 10 && counts.services == 9)
            #expect(try DemoCatalog.load(on: connection) == .alreadyPresent(counts))
            #expect(try DemoCatalog.counts(on: connection) == counts)
        }
    }

    @Test("leaves a catalog that already has rows alone, however few")
    func leavesExistingCatalogAlone() throws {
        try TestDatabase.with { database in
            let connection = try database.connect()
            try connection.execute(
                "INSERT INTO sectors (code, name_ar, name_fr, name_en) VALUES ('roads', 'ط', 'V', 'R')")
            guard case .alreadyPresent(let counts) = try DemoCatalog.load(on: connection) else {
                Issue.record("the demo catalog was loaded over an existing sector")
                return
            }
            #expect(counts.sectors == 1 && counts.countries == 0)
        }
    }

    @Test("two loaders at once load the catalog exactly once")
    func concurrentLoaders() async throws {
        try await TestDatabase.with { database in
            let conninfo = database.conninfo
            async let first = Task.detached { try DemoCatalog.load(on: PostgresConnection(conninfo: conninfo)) }.value
            async let second = Task.detached { try DemoCatalog.load(on: PostgresConnection(conninfo: conninfo)) }.value
            let outcomes = try await [first, second]
            let loaded = outcomes.filter { if case .loaded = $0 { true } else { false } }
            #expect(loaded.count == 1)
            #expect(try DemoCatalog.counts(on: database.connect()).services == 9)
        }
    }

    @Test(
        "the demo catalog has what the issue asks: capitals, 8+ services, 3+ parallel multi-sector workflows, holidays")
    func demoCatalogContents() throws {
        try TestDatabase.withDemoCatalog { database in
            let row = try database.connect().query(
                """
                SELECT (SELECT count(*) FROM municipalities WHERE capital AND country_code = 'LY')::int AS ly_capitals,
                       (SELECT count(*) FROM municipalities WHERE capital AND country_code = 'DJ')::int AS dj_capitals,
                       (SELECT count(*) FROM services)::int AS services,
                       (SELECT count(*) FROM (SELECT service_code FROM workflow_steps GROUP BY service_code
                          HAVING count(DISTINCT sector_code) > 1
                             AND EXISTS (SELECT 1 FROM workflow_steps p WHERE p.service_code = workflow_steps.service_code
                                          AND p.step_no = 2)) x)::int AS parallel_services,
                       (SELECT count(DISTINCT (country_code, extract(year FROM holiday_date))) FROM public_holidays
                         WHERE extract(year FROM holiday_date) IN (2026, 2027))::int AS country_years,
                       (SELECT count(*) FROM service_overlays)::int AS overlays
                """
            )[0]
            #expect(try row.decode("ly_capitals", as: Int.self) >= 1)
            #expect(try row.decode("dj_capitals", as: Int.self) >= 1)
            #expect(try row.decode("services", as: Int.self) >= 8)
            #expect(try row.decode("parallel_services", as: Int.self) >= 3)
            #expect(try row.decode("country_years", as: Int.self) == 4)
            #expect(try row.decode("overlays", as: Int.self) > 0)
        }
    }

    @Test("in every municipality, in 2025, 2026 and 2027, step SLAs along the stages add up to the service's SLA")
    func stepDeadlinesAddUp() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            let services = try connection.query("SELECT code FROM services").map {
                try $0.decode("code", as: String.self)
            }
            let municipalities = try CatalogService.municipalities(in: .english, on: connection).municipalities.map(
                \.code)
            var resolved = 0
            for year in [2025, 2026, 2027] {
                let instant = try #require(try? Date.ISO8601FormatStyle().parse("\(year)-06-01T09:00:00Z"))
                for municipality in municipalities {
                    for service in services {
                        guard
                            let workflow = try resolveService(service, in: municipality, at: instant, on: connection)
                        else { continue }
                        resolved += 1
                        let path = workflow.stages.map { $0.steps.map(\.slaDays).max() ?? 0 }.reduce(0, +)
                        #expect(path == workflow.slaDays, "\(service) in \(municipality) in \(year)")
                    }
                }
            }
            #expect(resolved > 3 * 15 * 8)
        }
    }
}
