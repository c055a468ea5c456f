import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport

/// A demo-catalog database with the server's services, for the notification tests: files requests with the
/// citizen's choices and reads the outbox back.
struct NotificationWorld {
    let world: StaffTestWorld
    var services: NafidhaServices { world.services }
    var engine: WorkflowEngine { world.engine }
    var pool: PostgresPool { world.pool }

    /// A request filed through the real submission service.
    struct Filed {
        var id: Int64
        var tracking: String
        var token: String
    }

    /// One outbox event as stored.
    struct StoredEvent: Equatable {
        var type: String
        var taskID: Int64?
        var messageID: Int64?
        var data: String
    }

    /// One notification as stored.
    struct StoredNotification: Equatable {
        var type: String
        var channel: String
        var recipient: String?
        var language: String
        var state: String
        var webhook: Int64?
    }

    static func with<T>(_ body: (NotificationWorld) throws -> T) throws -> T {
        try StaffTestWorld.with { try body(NotificationWorld(world: $0)) }
    }

    /// Files a residence certificate in `municipality` (one step: civil registry), or a building permit (two
    /// stages in Benghazi), with `extra` top-level members (`language`, `notify`) and the applicant's contacts.
    func file(
        _ service: String = "residence_certificate", in municipality: String = "BEN", phone: String? = "0912345678",
        email: String? = "amal@example.ly", extra: [String: JSONValue] = [:], language: Language = .english
    ) throws -> Filed {
        var applicant: [String: JSONValue] = [
            "name": .string("Amal Ben Salem"), "national_id": .string("119850123456"),
        ]
        if let phone { applicant["phone"] = .string(phone) }
        if let email { applicant["email"] = .string(email) }
        let fields: [String: JSONValue] =
            service == "residence_certificate"
            ? [
                "national_id": .string("119850123456"), "address": .string("12 Sea Street"),
                "resident_since": .string("2010-05-01"), "purpose": .string("employment"),
            ]
            : [
                "parcel_location": .object(["lat": .number(32.1), "long": .number(20.07)]),
                "parcel_number": .string("P-1/2"), "building_use": .string("residential"),
                "works": .array([.string("new_building")]), "floors": .number(2), "floor_area_m2": .number(240),
            ]
        var body: [String: JSONValue] = [
            "service": .string(service), "municipality": .string(municipality), "applicant": .object(applicant),
            "fields": .object(fields),
        ]
        body.merge(extra) { _, new in new }
        let receipt = try services.submissions.submit(
            Submission(body: .object(body)), channel: .api, idempotencyKey: nil, language: language
        ).receipt
        let id: Int64 = try world.query("SELECT id FROM requests WHERE tracking_number = $1", [receipt.trackingNumber])[
            0
        ].decode("id")
        return Filed(id: id, tracking: receipt.trackingNumber, token: receipt.accessToken)
    }

    /// The request's tasks' ids in workflow order.
    func tasks(of request: Filed) throws -> [Int64] {
        try world.query("SELECT id FROM tasks WHERE request_id = $1 ORDER BY stage_no, step_no", [request.id]).map {
            try $0.decode("id")
        }
    }

    /// The citizen of `request`.
    func citizen(_ request: Filed) throws -> RequestTracking.AuthenticatedRequest {
        try services.tracking.authenticate(tracking: request.tracking, token: request.token)
    }

    /// The request's outbox events, in order.
    func events(of request: Filed) throws -> [StoredEvent] {
        try world.query(
            "SELECT type, task_id, message_id, data::text AS data FROM notification_events WHERE request_id = $1 ORDER BY id",
            [request.id]
        ).map {
            StoredEvent(
                type: try $0.decode("type"), taskID: try $0.decode("task_id"), messageID: try $0.decode("message_id"),
                data: try $0.decode("data"))
        }
    }

    /// The request's notifications, in order.
    func notifications(of request: Filed) throws -> [StoredNotification] {
        try world.query(
            """
            SELECT e.type, n.channel, n.recipient, n.language, n.state, n.webhook_id
              FROM notifications n JOIN notification_events e ON e.id = n.event_id
             WHERE n.request_id = $1 ORDER BY n.id
            """,
            [request.id]
        ).map {
            StoredNotification(
                type: try $0.decode("type"), channel: try $0.decode("channel"), recipient: try $0.decode("recipient"),
                language: try $0.decode("language"), state: try $0.decode("state"), webhook: try $0.decode("webhook_id")
            )
        }
    }

    /// A clerk of every sector in `municipality`.
    func clerk(_ name: String, in municipality: String = "BEN") throws -> StaffMember {
        try world.staff(name, .clerk, municipalities: [municipality], sectors: StaffMember.demoSectors)
    }
}
