import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Submission")
struct IntakeSubmissionTests {
    @Test("a capital building permit opens two parallel tasks: capital planning authority and civil defence")
    func capitalBuildingPermitOpensParallelTasks() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let result = try SubmissionService(pool: pool).submit(
                IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: nil, at: IntakeSamples.monday
            )
            let receipt = result.receipt
            #expect(!result.replayed)
            #expect(TrackingNumber.isWellFormed(receipt.trackingNumber))
            #expect(receipt.trackingNumber.hasPrefix("TRP-"))
            #expect(receipt.status == .submitted)
            #expect(receipt.slaDays == 45)
            let stageOne = receipt.steps.filter { $0.stage == 1 }
            #expect(stageOne.map(\.office).sorted() == ["LBY-CAPITAL_PLANNING", "TRP-CIVIL_DEFENCE"])
            #expect(stageOne.allSatisfy { $0.status == .open && $0.dueAt != nil })
            #expect(receipt.steps.filter { $0.stage > 1 }.allSatisfy { $0.status == .waiting && $0.dueAt == nil })

            try pool.withConnection { connection in
                let calendar = try #require(try CalendarStore.calendar(forMunicipality: "TRP", on: connection))
                #expect(receipt.dueAt == (try calendar.dueDate(workingDays: 45, from: IntakeSamples.monday)))
                let planning = try #require(stageOne.first { $0.sector == "urban_planning" })
                #expect(planning.dueAt == (try calendar.dueDate(workingDays: 30, from: IntakeSamples.monday)))

                let tasks = try connection.query(
                    """
                    SELECT t.office_code, t.status, t.due_at, t.opened_at FROM tasks t
                      JOIN requests r ON r.id = t.request_id
                     WHERE r.tracking_number = $1 ORDER BY t.stage_no, t.step_no
                    """,
                    [receipt.trackingNumber]
                )
                #expect(tasks.count == 4)
                #expect(
                    try tasks.map { try $0.decode("office_code", as: String.self) }
                        == ["LBY-CAPITAL_PLANNING", "TRP-CIVIL_DEFENCE", "TRP-WATER_SANITATION", "TRP-FINANCE"])
                #expect(try tasks[0].decode("opened_at", as: Date?.self) == IntakeSamples.monday)
                let request = try connection.query(
                    """
                    SELECT status, channel, applicant_phone, applicant_national_id, fields::text AS fields,
                           workflow->>'sla_days' AS sla FROM requests WHERE tracking_number = $1
                    """,
                    [receipt.trackingNumber]
                )[0]
                #expect(try request.decode("status", as: String.self) == "submitted")
                #expect(try request.decode("channel", as: String.self) == "api")
                #expect(try request.decode("applicant_phone", as: String.self) == "+218912345678")
                #expect(try request.decode("sla", as: String.self) == "45")
                #expect(try request.decode("fields", as: String.self).contains(#""floors": 3"#))

                let actions = try connection.query(
                    "SELECT action, details FROM audit_events ORDER BY id"
                ).map { try $0.decode("action", as: String.self) }
                #expect(actions == ["submitted", "task_opened", "task_opened"])
                let details = try connection.query("SELECT details FROM audit_events WHERE action = 'submitted'")
                #expect(
                    try details[0].decode("details", as: String.self)
                        == #"{"channel":"api","service":"building_permit"}"#)
                try sequenceAudit(on: connection)
                #expect(try AuditLog.verify(municipality: "TRP", on: connection).intact)
            }
        }
    }

    @Test("a building permit outside the capital goes to the municipality's own planning office, any channel")
    func nonCapitalBuildingPermitStaysLocal() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let receipt = try SubmissionService(pool: pool).submit(
                IntakeSamples.buildingPermit(municipality: "BEN"), channel: .open311, idempotencyKey: nil,
                at: IntakeSamples.monday
            ).receipt
            #expect(receipt.channel == .open311)
            #expect(
                receipt.steps.filter { $0.stage == 1 }.map(\.office).sorted() == [
                    "BEN-CIVIL_DEFENCE", "BEN-URBAN_PLANNING",
                ])
            #expect(receipt.currency == "LYD")
        }
    }

    @Test("an invalid submission reports every problem at once and stores nothing")
    func invalidSubmissionReportsEveryProblem() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let body: JSONValue = .object([
                "service": .string("building_permit"), "municipality": .string("TRP"),
                "applicant": .object([
                    "name": .number(7), "national_id": .string("319850123456"), "phone": .string("12"),
                ]),
                "fields": .object([
                    "parcel_number": .string("'; DROP TABLE requests; --"), "building_use": .string("castle"),
                    "works": .array([.string("fence"), .string("fence")]), "floors": .number(31),
                    "floor_area_m2": .string("big"), "planned_start": .string("2026-02-30"), "bogus": .bool(true),
                ]),
                "description": .string(String(repeating: "x", count: 4001)),
                "extra": .null,
            ])
            let before = try pool.withConnection { try IntakeSamples.counts(on: $0) }
            let error = try #require(throws: NafidhaError.self) {
                try SubmissionService(pool: pool).submit(Submission(body: body), channel: .api, idempotencyKey: nil)
            }
            #expect(error.code == .validationFailed)
            #expect(error.status == 422)
            #expect(
                Set(error.fields.keys) == [
                    "applicant.name", "applicant.national_id", "applicant.phone", "fields.parcel_location",
                    "fields.building_use", "fields.works", "fields.floors", "fields.floor_area_m2",
                    "fields.planned_start",
                    "fields.bogus", "description", "extra",
                ])
            #expect(try pool.withConnection { try IntakeSamples.counts(on: $0) } == before)
        }
    }

    @Test("an unknown service, an unknown municipality and a disabled service are named as field problems")
    func unknownOrDisabledServiceIsRefused() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let service = SubmissionService(pool: pool)
            var unknown = IntakeSamples.buildingPermit()
            unknown.body = Self.replacing(unknown.body, "service", with: .string("moon_landing"))
            let unknownError = try #require(throws: NafidhaError.self) {
                try service.submit(unknown, channel: .api, idempotencyKey: nil)
            }
            #expect(Set(unknownError.fields.keys) == ["service"])

            var nowhere = IntakeSamples.buildingPermit()
            nowhere.body = Self.replacing(nowhere.body, "municipality", with: .string("XXX"))
            let nowhereError = try #require(throws: NafidhaError.self) {
                try service.submit(nowhere, channel: .api, idempotencyKey: nil)
            }
            #expect(Set(nowhereError.fields.keys) == ["municipality"])

            try pool.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO service_overlays (service_code, municipality_code, valid_from, enabled, note)
                    VALUES ('building_permit', 'MIS', '2020-01-01Z', false, 'suspended')
                    """
                )
            }
            let disabled = try #require(throws: NafidhaError.self) {
                try service.submit(
                    IntakeSamples.buildingPermit(municipality: "MIS"), channel: .api, idempotencyKey: nil)
            }
            #expect(disabled.fields["service"]?.en.contains("not offered") == true)
            #expect(try pool.withConnection { try IntakeSamples.counts(on: $0) } == [0, 0, 0])
        }
    }

    static func replacing(_ body: JSONValue, _ key: String, with value: JSONValue) -> JSONValue {
        guard case .object(var members) = body else { return body }
        members[key] = value
        return .object(members)
    }
}
