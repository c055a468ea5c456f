import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Reports on a hand-made data set")
struct ReportTests {
    private let november = ReportQuery(
        from: ReportFixture.instant("2026-11-01T00:00:00Z"), to: ReportFixture.instant("2026-12-01T00:00:00Z"),
        now: ReportFixture.instant("2026-11-19T20:00:00Z")
    )

    private func rows(_ report: Report, table: Int = 0) -> [[String]] {
        report.tables[table].rows.map { $0.map(\.displayText) }
    }

    @Test("sla gives completions, on-time share, median and p90 in working days, and overdue open tasks")
    func sla() throws {
        try TestDatabase.withDemoCatalog { database in
            var fixture = try ReportFixture(database)
            try fixture.loadNovember()
            let report = try ReportService.make(.sla, november, on: fixture.connection)
            // civil_registry: 1, 4, 1 and 10 − 2 paused = 8 working days; on time 3 of 4; median of [1, 1, 4, 8]
            // is 2.5, p90 is 4 + 0.7 × (8 − 4) = 6.8; two open or claimed tasks past due at now.
            // urban_planning: Sunday 10:00 to Wednesday 00:30 = 14/24 + 2 + 0.5/24 = 2.604 days, late.
            #expect(
                rows(report) == [
                    ["TRP", "civil_registry", "4", "0.7500", "2.50", "6.80", "2"],
                    ["TRP", "urban_planning", "1", "0.0000", "2.60", "2.60", "0"],
                ])
        }
    }

    @Test("sla by service and filtered by sector keeps one group per service")
    func slaByService() throws {
        try TestDatabase.withDemoCatalog { database in
            var fixture = try ReportFixture(database)
            try fixture.loadNovember()
            var query = november
            query.byService = true
            query.sector = "urban_planning"
            let report = try ReportService.make(.sla, query, on: fixture.connection)
            #expect(report.tables[0].columns.map(\.key).prefix(3) == ["municipality", "sector", "service"])
            #expect(rows(report) == [["TRP", "urban_planning", "building_permit", "1", "0.0000", "2.60", "2.60", "0"]])
        }
    }

    @Test("backlog counts open tasks per queue by age in working days, paused time excluded")
    func backlog() throws {
        try TestDatabase.withDemoCatalog { database in
            var fixture = try ReportFixture(database)
            try fixture.loadNovember()
            let report = try ReportService.make(.backlog, november, on: fixture.connection)
            // civil_registry: 0.5 days (0–2); 4.5 (3–5); 14.5 (over 10); 6.0 until its pause began (6–10).
            // urban_planning: 5.5 (3–5). The waiting task is not in a queue. No clerk could claim either queue.
            #expect(
                rows(report) == [
                    ["TRP", "civil_registry", "TRP-CIVIL_REGISTRY", "4", "1", "1", "1", "1", "0"],
                    ["TRP", "urban_planning", "TRP-URBAN_PLANNING", "1", "0", "1", "0", "0", "0"],
                ])
        }
    }

    @Test("throughput counts submissions and completions per local day and per ISO week")
    func throughput() throws {
        try TestDatabase.withDemoCatalog { database in
            var fixture = try ReportFixture(database)
            try fixture.loadNovember()
            let daily = try ReportService.make(.throughput, november, on: fixture.connection)
            #expect(
                rows(daily) == [
                    ["2026-11-01", "TRP", "civil_registry", "3", "0"],
                    ["2026-11-01", "TRP", "urban_planning", "1", "0"],
                    ["2026-11-02", "TRP", "civil_registry", "1", "1"],
                    ["2026-11-04", "TRP", "urban_planning", "0", "1"],
                    ["2026-11-05", "TRP", "civil_registry", "1", "1"],
                    ["2026-11-08", "TRP", "civil_registry", "0", "1"],
                    ["2026-11-15", "TRP", "civil_registry", "0", "1"],
                    ["2026-11-16", "TRP", "civil_registry", "1", "0"],
                    ["2026-11-25", "TRP", "civil_registry", "1", "0"],
                ])
            var weekly = november
            weekly.interval = .week
            #expect(
                rows(try ReportService.make(.throughput, weekly, on: fixture.connection)) == [
                    ["2026-10-26", "TRP", "civil_registry", "3", "0"],
                    ["2026-10-26", "TRP", "urban_planning", "1", "0"],
                    ["2026-11-02", "TRP", "civil_registry", "2", "3"],
                    ["2026-11-02", "TRP", "urban_planning", "0", "1"],
                    ["2026-11-09", "TRP", "civil_registry", "0", "1"],
                    ["2026-11-16", "TRP", "civil_registry", "1", "0"],
                    ["2026-11-23", "TRP", "civil_registry", "1", "0"],
                ])
        }
    }

    @Test("misroutes pair each forward's sector with the next one, and clerks' actions are counted")
    func misroutesAndClerks() throws {
        try TestDatabase.withDemoCatalog { database in
            var fixture = try ReportFixture(database)
            let request = try fixture.request(
                status: "in_review", submitted: "2026-11-16T08:00:00Z", due: "2026-11-30T22:00:00Z")
            let twice = try fixture.task(
                request, step: 1, sector: "urban_planning", status: "open", opened: "2026-11-16T08:00:00Z")
            let once = try fixture.task(request, step: 2, status: "open", opened: "2026-11-16T08:00:00Z")
            let named = try fixture.task(request, step: 3, status: "open", opened: "2026-11-16T08:00:00Z")
            func record(_ action: AuditAction, _ actor: String, task: Int64?, _ details: [String: JSONValue] = [:])
                throws
            {
                try AuditLog.append(
                    on: fixture.connection, municipality: "TRP", actorKind: .clerk, actor: actor,
                    action: action, requestID: request, taskID: task, details: details)
            }
            try record(.claimed, "amal.t", task: twice)
            try record(.forwarded, "amal.t", task: twice, ["from_sector": .string("civil_registry")])
            try record(.forwarded, "omar.k", task: twice, ["from_sector": .string("water_sanitation")])
            try record(.forwarded, "omar.k", task: once, ["from_sector": .string("urban_planning")])
            try record(
                .forwarded, "amal.t", task: named,
                ["from_sector": .string("urban_planning"), "to_sector": .string("civil_registry")])
            try record(.approved, "amal.t", task: once)
            try AuditLog.append(
                on: fixture.connection, municipality: "TRP", actorKind: .citizen, actor: "TRP-0000-0001",
                action: .citizenReplied, requestID: request, taskID: once)
            let now = Date()
            let around = ReportQuery(from: now.addingTimeInterval(-3600), to: now.addingTimeInterval(3600), now: now)
            #expect(
                rows(try ReportService.make(.misroutes, around, on: fixture.connection)) == [
                    ["urban_planning", "civil_registry", "2"],
                    ["civil_registry", "water_sanitation", "1"],
                    ["water_sanitation", "urban_planning", "1"],
                ])
            var water = around
            water.sector = "water_sanitation"
            #expect(rows(try ReportService.make(.misroutes, water, on: fixture.connection)).count == 2)
            #expect(
                rows(try ReportService.make(.throughput, around, on: fixture.connection), table: 1) == [
                    ["TRP", "amal.t", "4", "1", "1", "0", "2", "0"],
                    ["TRP", "omar.k", "2", "0", "0", "0", "2", "0"],
                ])
            let before = ReportQuery(from: now.addingTimeInterval(-7200), to: now.addingTimeInterval(-3600), now: now)
            #expect(try ReportService.make(.misroutes, before, on: fixture.connection).tables[0].rows.isEmpty)
        }
    }

    @Test("a report over an empty range is refused")
    func emptyRange() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            let backwards = ReportQuery(from: Date(), to: Date().addingTimeInterval(-1))
            let error = #expect(throws: NafidhaError.self) { try ReportService.make(.sla, backwards, on: connection) }
            #expect(error?.code == .invalidRange)
        }
    }
}
