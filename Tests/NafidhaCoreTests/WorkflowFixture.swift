import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import Synchronization
import TestSupport
import Testing

/// A request filed through `SubmissionService` (stage 1 `open`, later stages `waiting`, audit events).
struct FiledRequest {
    var id: Int64
    var tracking: String
    var token: AccessToken
    var municipality: String

}

/// A task as stored, read straight from the table (the engine works on its own internal record).
struct StoredTask: Equatable {
    var id: Int64
    var stage: Int
    var sector: String
    var office: String
    var municipality: String
    var status: TaskStatus
    var assignee: String?
    var openedAt: Date?
    var dueAt: Date?
    var pausedSince: Date?
    var claimedAt: Date?
    var leaseExpiresAt: Date?
    var version: Int
}

/// One audit event as stored.
struct AuditedEvent: Equatable {
    var action: String
    var actorKind: String
    var actor: String
    var details: [String: JSONValue]
}

/// A clock a test sets by hand.
final class TestClock: Sendable {
    private let instant: Mutex<Date>

    init(_ start: Date) {
        instant = Mutex(start)
    }

    var now: Date { instant.withLock { $0 } }

    func set(_ date: Date) {
        instant.withLock { $0 = date }
    }
}

/// A fresh demo-catalog database, a pool over it and an engine whose clock the test sets.
final class WorkflowHarness: Sendable {
    let pool: PostgresPool
    let engine: WorkflowEngine
    private let clock: TestClock

    init(database: TestDatabase, now: Date = Date()) {
        let clock = TestClock(now)
        self.clock = clock
        pool = PostgresPool(conninfo: database.conninfo)
        engine = WorkflowEngine(pool: pool, clock: { clock.now })
    }

    /// Now, to the whole second, so instants round-trip through `timestamptz` (microseconds) unchanged.
    static func wholeSecondNow() -> Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// Moves the engine's clock.
    func setNow(_ date: Date) {
        clock.set(date)
    }

    static func with<T>(now: Date = Date(), _ body: (WorkflowHarness) throws -> T) throws -> T {
        try TestDatabase.withDemoCatalog { database in
            let harness = WorkflowHarness(database: database, now: now)
            defer { harness.pool.close() }
            return try body(harness)
        }
    }

    /// Files a request for `service` (`building_permit`, `residence_certificate` or `water_connection`) in the
    /// Libyan `municipality` at `submittedAt`, through the real submission service.
    func file(_ service: String, in municipality: String, at submittedAt: Date = Date()) throws -> FiledRequest {
        let fields: [String: JSONValue] =
            switch service {
            case "residence_certificate":
                [
                    "national_id": .string("119850123456"), "address": .string("12 Sea Street"),
                    "resident_since": .string("2010-05-01"), "purpose": .string("employment"),
                ]
            case "water_connection":
                [
                    "property_location": .object(["lat": .number(32.1), "long": .number(20.07)]),
                    "property_type": .string("house"), "pipe_diameter": .string("d15"), "occupants": .number(4),
                    "contact_phone": .string("0912345678"),
                ]
            default:
                [
                    "parcel_location": .object(["lat": .number(32.1), "long": .number(20.07)]),
                    "parcel_number": .string("P-1/2"),
                    "building_use": .string("residential"), "works": .array([.string("new_building")]),
                    "floors": .number(2), "floor_area_m2": .number(240),
                ]
            }
        let submission = Submission(
            service: service, municipality: municipality,
            applicant: .init(name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678"), fields: fields
        )
        let receipt = try SubmissionService(pool: pool).submit(
            submission, channel: .api, idempotencyKey: nil, at: submittedAt
        ).receipt
        let id: Int64 = try pool.withConnection { connection in
            try connection.query("SELECT id FROM requests WHERE tracking_number = $1", [receipt.trackingNumber])[0]
                .decode("id")
        }
        return FiledRequest(
            id: id, tracking: receipt.trackingNumber, token: AccessToken(text: receipt.accessToken),
            municipality: municipality)
    }

    /// The request's tasks in workflow order.
    func tasks(of request: FiledRequest) throws -> [StoredTask] {
        try pool.withConnection { connection in
            try connection.query("SELECT id FROM tasks WHERE request_id = $1 ORDER BY stage_no, step_no", [request.id])
                .map { try $0.decode("id", as: Int64.self) }
        }.map { try task($0) }
    }

    /// One task as stored now.
    func task(_ id: Int64) throws -> StoredTask {
        try pool.withConnection { connection in
            let row = try connection.query(
                """
                SELECT id, stage_no, sector_code, office_code, municipality_code, status, assignee, opened_at, due_at,
                       paused_since, claimed_at, lease_expires_at, version
                  FROM tasks WHERE id = $1
                """,
                [id]
            )[0]
            return StoredTask(
                id: try row.decode("id"), stage: try row.decode("stage_no"), sector: try row.decode("sector_code"),
                office: try row.decode("office_code"), municipality: try row.decode("municipality_code"),
                status: try #require(TaskStatus(rawValue: try row.decode("status"))),
                assignee: try row.decode("assignee"), openedAt: try row.decode("opened_at"),
                dueAt: try row.decode("due_at"), pausedSince: try row.decode("paused_since"),
                claimedAt: try row.decode("claimed_at"), leaseExpiresAt: try row.decode("lease_expires_at"),
                version: try row.decode("version"))
        }
    }

    /// The citizen of `request`, authenticated by its access token as the tracking API does.
    func citizen(_ request: FiledRequest) throws -> RequestTracking.AuthenticatedRequest {
        try RequestTracking(pool: pool).authenticate(tracking: request.tracking, token: request.token.text)
    }

    /// The request's status, due date and closing time as stored.
    func request(_ request: FiledRequest) throws -> (status: String, dueAt: Date?, closedAt: Date?) {
        try pool.withConnection { connection in
            let row = try connection.query(
                "SELECT status, due_at, closed_at FROM requests WHERE id = $1", [request.id])[0]
            return (try row.decode("status"), try row.decode("due_at"), try row.decode("closed_at"))
        }
    }

    /// The audit events recorded for the request, in the order they were appended.
    func auditEvents(of request: FiledRequest) throws -> [AuditedEvent] {
        try pool.withConnection { connection in
            try connection.query(
                "SELECT action, actor_kind, actor, details FROM audit_events WHERE request_id = $1 ORDER BY id",
                [request.id]
            ).map { row in
                AuditedEvent(
                    action: try row.decode("action"), actorKind: try row.decode("actor_kind"),
                    actor: try row.decode("actor"),
                    details: try JSONDecoder().decode(
                        [String: JSONValue].self, from: Data(try row.decode("details", as: String.self).utf8)))
            }
        }
    }

    /// The audit actions recorded for the request, in the order they were written.
    func auditActions(of request: FiledRequest) throws -> [String] {
        try pool.withConnection { connection in
            try connection.query("SELECT action FROM audit_events WHERE request_id = $1 ORDER BY id", [request.id])
                .map { try $0.decode("action") }
        }
    }
}
