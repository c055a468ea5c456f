import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The event feed pages by the order events committed in, never by their ids (docs/notifications.md, "The event
/// feed").
@Suite("Event feed")
struct EventFeedTests {
    /// Publishes every committed event, as the dispatcher does.
    static func publish(_ world: NotificationWorld) throws {
        _ = try world.world.query("SELECT notification_publish_pending(1000)")
    }

    /// A national auditor.
    static func auditor(_ world: NotificationWorld) throws -> StaffMember {
        try world.world.staff("audit", .auditor)
    }

    @Test("an event whose transaction commits late is not skipped: it follows what was published before it")
    func commitOrder() throws {
        try NotificationWorld.with { world in
            let early = try world.file()
            let late = try world.file()
            let clerk = try world.clerk("amal.t")
            let auditor = try Self.auditor(world)
            try Self.publish(world)
            let start = try world.services.events.page(after: nil, limit: 100, types: [], for: auditor)
            #expect(start.events.count == 2)
            // A change that holds its transaction open: its event gets a lower id than the one that commits first.
            let slow = try world.world.database.connect()
            try slow.execute("BEGIN")
            try slow.execute(
                """
                INSERT INTO notification_events (type, request_id, municipality_code, sectors, occurred_at, data)
                SELECT 'request.note_added', id, municipality_code, '{}', now(),
                       jsonb_build_object('tracking_number', tracking_number, 'municipality', municipality_code,
                                          'service', service_code, 'status', status)
                  FROM requests WHERE id = $1
                """, [late.id])
            let task = try world.tasks(of: early)[0]
            _ = try world.engine.claim(task: task, by: clerk)
            _ = try world.engine.approve(task: task, by: clerk)
            try Self.publish(world)
            let middle = try world.services.events.page(after: start.nextCursor, limit: 100, types: [], for: auditor)
            #expect(middle.events.map(\.type) == [.approved])
            try slow.execute("COMMIT")
            try Self.publish(world)
            let end = try world.services.events.page(after: middle.nextCursor, limit: 100, types: [], for: auditor)
            #expect(end.events.map(\.type) == [.noteAdded] && end.events[0].data.trackingNumber == late.tracking)
            #expect(end.events[0].id < middle.events[0].id)
            let idle = try world.services.events.page(after: end.nextCursor, limit: 100, types: [], for: auditor)
            #expect(idle.events.isEmpty && idle.nextCursor == end.nextCursor)
        }
    }

    @Test("pages are oldest first, limited, filtered by type, scoped, and hold no personal data")
    func pagesAndScope() throws {
        try NotificationWorld.with { world in
            let benghazi = try world.file()
            _ = try world.file("residence_certificate", in: "TRP")
            let clerk = try world.clerk("amal.t")
            let task = try world.tasks(of: benghazi)[0]
            _ = try world.engine.claim(task: task, by: clerk)
            _ = try world.engine.approve(task: task, by: clerk)
            try Self.publish(world)
            let auditor = try Self.auditor(world)
            let first = try world.services.events.page(after: nil, limit: 2, types: [], for: auditor)
            let second = try world.services.events.page(after: first.nextCursor, limit: 2, types: [], for: auditor)
            #expect(first.events.map(\.type) == [.submitted, .submitted] && second.events.map(\.type) == [.approved])
            #expect(first.events[0].data.eventID == first.events[0].id && first.events[0].data.applicant == nil)
            let approvals = try world.services.events.page(after: nil, limit: 100, types: [.approved], for: auditor)
            #expect(approvals.events.map(\.data.trackingNumber) == [benghazi.tracking])
            let tripoli = try world.world.staff("nour", .supervisor, municipalities: ["TRP"])
            let scoped = try world.services.events.page(after: nil, limit: 100, types: [], for: tripoli)
            #expect(scoped.events.map(\.data.municipality) == ["TRP"])
            let health = try world.world.staff("hiba", .clerk, municipalities: ["BEN"], sectors: ["health"])
            #expect(try world.services.events.page(after: nil, limit: 100, types: [], for: health).events.isEmpty)
            expectError("invalid_cursor") {
                _ = try world.services.events.page(after: "42", limit: 10, types: [], for: auditor)
            }
        }
    }
}
