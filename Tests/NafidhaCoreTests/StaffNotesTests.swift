import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Staff notes on requests")
struct StaffNotesTests {
    private func submitPermit(_ world: StaffTestWorld) throws -> Intake.Receipt {
        try SubmissionService(pool: world.pool).submit(
            IntakeSamples.buildingPermit(municipality: "BEN"), channel: .api, idempotencyKey: nil,
            at: IntakeSamples.monday
        ).receipt
    }

    @Test("a public note shows on the citizen's timeline, an internal one does not, and both are audited")
    func publicNotesReachTheTimeline() throws {
        try StaffTestWorld.with { world in
            let receipt = try submitPermit(world)
            let clerk = try world.staff("nour", .clerk, municipalities: ["BEN"], sectors: ["urban_planning"])
            let notes = world.engine
            let shown = try notes.addNote(
                tracking: receipt.trackingNumber, text: "Plans received at the counter.", isPublic: true, by: clerk)
            let hidden = try notes.addNote(
                tracking: receipt.trackingNumber, text: "Check the neighbour's complaint.", isPublic: false, by: clerk)
            #expect(shown.isPublic && !hidden.isPublic && shown.id != hidden.id)

            let view = try RequestTracking(pool: world.pool).view(
                tracking: receipt.trackingNumber, token: receipt.accessToken, language: .english
            )
            let messages = view.timeline.compactMap(\.message)
            #expect(messages.contains("Plans received at the counter."))
            #expect(!messages.contains("Check the neighbour's complaint."))
            #expect(view.timeline.filter { $0.event == .noteAdded }.count == 1)

            let audited = try world.query("SELECT count(*)::int8 AS n FROM audit_events WHERE action = 'note_added'")[0]
            #expect(try audited.decode("n", as: Int64.self) == 2)
            try sequenceAudit(world.pool)
            let chain = try world.pool.withConnection { try AuditLog.verify(municipality: "BEN", on: $0) }
            #expect(chain.intact)
        }
    }

    @Test("auditors cannot write notes, staff outside the request's scope do not see it, and empty notes are refused")
    func notesAreAuthorized() throws {
        try StaffTestWorld.with { world in
            let receipt = try submitPermit(world)
            let notes = world.engine
            let auditor = try world.staff("audit1", .auditor)
            let otherSector = try world.staff("hala", .clerk, municipalities: ["BEN"], sectors: ["health"])
            let otherCity = try world.staff("omar", .clerk, municipalities: ["TRP"], sectors: ["urban_planning"])
            let clerk = try world.staff("nour", .clerk, municipalities: ["BEN"], sectors: ["urban_planning"])
            func code(_ body: () throws -> Any) -> String? {
                do {
                    _ = try body()
                    return nil
                } catch let error as NafidhaError { return error.code.rawValue } catch { return "\(error)" }
            }
            #expect(
                code { try notes.addNote(tracking: receipt.trackingNumber, text: "x", isPublic: true, by: auditor) }
                    == "read_only_role")
            #expect(
                code { try notes.addNote(tracking: receipt.trackingNumber, text: "x", isPublic: true, by: otherSector) }
                    == "request_not_found")
            #expect(
                code { try notes.addNote(tracking: receipt.trackingNumber, text: "x", isPublic: true, by: otherCity) }
                    == "request_not_found")
            #expect(
                code { try notes.addNote(tracking: "BEN-0000-0000", text: "x", isPublic: true, by: clerk) }
                    == "request_not_found")
            #expect(
                code { try notes.addNote(tracking: receipt.trackingNumber, text: "  ", isPublic: true, by: clerk) }
                    == "validation_failed")
            #expect(
                code {
                    try notes.addNote(
                        tracking: receipt.trackingNumber, text: String(repeating: "ن", count: 4001), isPublic: false,
                        by: clerk)
                } == "validation_failed")
            let stored = try world.query("SELECT count(*)::int8 AS n FROM request_messages WHERE kind = 'note'")[0]
            #expect(try stored.decode("n", as: Int64.self) == 0)
        }
    }
}
