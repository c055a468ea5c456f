import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// An instant written with its offset, e.g. `2026-01-01T00:00:00+02:00`.
private func at(_ text: String) throws -> Date {
    try #require(try? Date.ISO8601FormatStyle(includingFractionalSeconds: text.contains(".")).parse(text))
}

/// Resolves on a fresh demo-catalog database.
private func resolve(_ service: String, _ municipality: String, _ instant: Date) throws -> ResolvedWorkflow? {
    try TestDatabase.withDemoCatalog { database in
        try resolveService(
            service, in: municipality, at: instant, on: try database.connect()
        )
    }
}

@Suite("Workflow resolution with overlays and effective dates")
struct CatalogWorkflowTests {
    @Test("A capital building permit goes to the capital planning office and civil defence in parallel in stage 1")
    func capitalBuildingPermit() throws {
        let workflow = try #require(try resolve("building_permit", "TRP", try at("2026-06-01T09:00:00+02:00")))
        #expect(workflow.stages.map(\.stage) == [1, 2, 3])
        let first = workflow.stages[0].steps
        #expect(first.map(\.sector) == ["urban_planning", "civil_defence"])
        #expect(first.map(\.office) == ["LBY-CAPITAL_PLANNING", "TRP-CIVIL_DEFENCE"])
        #expect(first[0].slaDays == 30)
        #expect(first[0].overlay != nil && first[1].overlay == nil)
        #expect(workflow.stages[1].steps.map(\.office) == ["TRP-WATER_SANITATION"])
        #expect(workflow.stages[2].steps.map(\.office) == ["TRP-FINANCE"])
        #expect(workflow.slaDays == 45)
        #expect(workflow.fee == 250)
        #expect(workflow.currency == "LYD")
        #expect(workflow.overlay != nil)
    }

    @Test("A building permit outside the capital stays with the municipality's own offices and national terms")
    func nonCapitalBuildingPermit() throws {
        let workflow = try #require(try resolve("building_permit", "BEN", try at("2026-06-01T09:00:00+02:00")))
        #expect(workflow.stages[0].steps.map(\.office) == ["BEN-URBAN_PLANNING", "BEN-CIVIL_DEFENCE"])
        #expect(workflow.stages[0].steps[0].slaDays == 15)
        #expect(workflow.slaDays == 30)
        #expect(workflow.fee == 250)
        #expect(workflow.overlay == nil)
    }

    @Test("An ended overlay applies before its valid_to and no longer from that exact instant")
    func endedOverlayBoundary() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            func fee(_ text: String) throws -> Decimal? {
                try resolveService("building_permit", in: "SQJ", at: try at(text), on: connection)?.fee
            }
            #expect(try fee("2025-06-01T09:00:00+02:00") == 300)
            #expect(try fee("2025-12-31T23:59:59.999999+02:00") == 300)
            #expect(try fee("2026-01-01T00:00:00+02:00") == 250)
        }
    }

    @Test("A future overlay does not apply before its valid_from and applies from that exact instant")
    func futureOverlayBoundary() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            func terms(_ text: String) throws -> (sla: Int, fee: Decimal, steps: [Int])? {
                try resolveService("commercial_licence", in: "TRP", at: try at(text), on: connection).map {
                    ($0.slaDays, $0.fee, $0.stages.flatMap(\.steps).map(\.slaDays))
                }
            }
            let before = try #require(try terms("2026-12-31T23:59:59.999999+02:00"))
            #expect(before.sla == 20 && before.fee == 100 && before.steps == [10, 10, 7, 3])
            let from = try #require(try terms("2027-01-01T00:00:00+02:00"))
            #expect(from.sla == 15 && from.fee == 80 && from.steps == [7, 7, 5, 3])
        }
    }

    @Test("A service disabled by an overlay in force resolves to nothing there, and stays offered elsewhere")
    func disabledService() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            let now = try at("2026-06-01T09:00:00+03:00")
            #expect(
                try resolveService("water_connection", in: "OBK", at: now, on: connection) == nil)
            let elsewhere = try resolveService("water_connection", in: "ASB", at: now, on: connection)
            #expect(elsewhere?.currency == "DJF")
            #expect(elsewhere?.fee == 25000)
        }
    }

    @Test("A suspension that ended offers the service again from its valid_to")
    func endedSuspension() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            func offered(_ text: String) throws -> Bool {
                try resolveService("public_event_permit", in: "RDK", at: try at(text), on: connection) != nil
            }
            #expect(try offered("2025-05-31T23:59:59+03:00"))
            #expect(try !offered("2025-06-01T00:00:00+03:00"))
            #expect(try !offered("2025-08-31T23:59:59.999999+03:00"))
            #expect(try offered("2025-09-01T00:00:00+03:00"))
        }
    }

    @Test("A rerouted step goes to the overlay's sector and that sector's municipal office once in force")
    func reroutedStep() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            func paying(_ text: String) throws -> ResolvedWorkflow.Step? {
                try resolveService("social_assistance", in: "TDJ", at: try at(text), on: connection)?.stages.last?.steps
                    .first
            }
            let before = try #require(try paying("2026-02-28T23:59:59+03:00"))
            #expect(before.sector == "finance" && before.office == "TDJ-FINANCE" && before.overlay == nil)
            let after = try #require(try paying("2026-03-01T00:00:00+03:00"))
            #expect(after.sector == "social_affairs" && after.office == "TDJ-SOCIAL_AFFAIRS" && after.overlay != nil)
            #expect(after.slaDays == 5)
        }
    }

    @Test("An unknown service or municipality resolves to nothing")
    func unknownCodes() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            let now = Date()
            #expect(
                try resolveService("no_such_service", in: "TRP", at: now, on: connection) == nil)
            #expect(
                try resolveService("building_permit", in: "ZZZ", at: now, on: connection) == nil)
        }
    }

    @Test("A step with no office to go to makes the service unavailable in that municipality")
    func missingOffice() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try connection.execute(
                "INSERT INTO municipalities (code, country_code, name_ar, name_fr, name_en) VALUES ($1, 'LY', 'س', 'S', 'S')",
                ["ZZA"]
            )
            try connection.execute(
                """
                INSERT INTO offices (code, kind, country_code, municipality_code, sector_code, name_ar, name_fr, name_en)
                VALUES ('ZZA-CIVIL_REGISTRY', 'municipal', 'LY', 'ZZA', 'civil_registry', 'م', 'B', 'O')
                """
            )
            let now = Date()
            #expect(
                try resolveService("residence_certificate", in: "ZZA", at: now, on: connection) != nil)
            #expect(
                try resolveService("building_permit", in: "ZZA", at: now, on: connection) == nil)
        }
    }

    @Test("A resolved workflow survives its JSON snapshot unchanged, to the microsecond")
    func snapshotRoundTrip() throws {
        let workflow = try #require(
            try resolve("commercial_licence", "MIS", try at("2026-06-01T09:00:00.123456+02:00")))
        #expect(workflow.resolvedAt == (try at("2026-06-01T07:00:00.123456Z")))
        let text = workflow.jsonText
        #expect(text.contains(#""resolved_at":"2026-06-01T07:00:00.123456Z""#))
        #expect(text.contains(#""sla_days":20"#))
        #expect(try ResolvedWorkflow(jsonText: text) == workflow)
    }
}
