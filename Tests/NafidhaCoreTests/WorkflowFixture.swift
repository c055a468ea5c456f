import Foundation
import Synchronization
import NafidhaCore
import Postgres
import TestSupport

/// A request filed with SQL the way submission files it (request, stage 1 `open`, later stages `waiting`, audit
/// events), so the workflow can be tested on its own.
struct FiledRequest {
    var id: Int64
    var tracking: String
    var token: AccessToken
    var municipality: String

    /// The citizen of this request, as the engine names them.
    var citizen: Actor { Actor(kind: .citizen, id: tracking) }
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

    /// Files a request for `service` in `municipality` at `submittedAt`.
    func file(_ service: String, in municipality: String, at submittedAt: Date = Date()) throws -> FiledRequest {
        try pool.withTransaction { connection in
            let token = AccessToken.generate()
            let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
            let code = String((0..<8).map { _ in alphabet.randomElement()! })
            let tracking = "\(municipality)-\(code.prefix(4))-\(code.suffix(4))"
            let row = try connection.query(
                """
                INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code, applicant_name,
                                      fields, channel, submitted_at, workflow)
                VALUES ($1, $2, $3, $4, 'Test Applicant', '{}', 'api', $5::timestamptz, resolve_service($3, $4, $5::timestamptz))
                RETURNING id, (workflow->>'sla_days')::int AS sla_days
                """,
                [tracking, token.hash, service, municipality, submittedAt]
            )[0]
            let id: Int64 = try row.decode("id")
            let calendar = try CalendarStore.calendar(forMunicipality: municipality, on: connection)!
            let requestDue = try calendar.dueDate(workingDays: try row.decode("sla_days"), from: submittedAt)
            try connection.execute("UPDATE requests SET due_at = $2::timestamptz WHERE id = $1", [id, requestDue])
            try AuditLog.append(on: connection, municipality: municipality, actorKind: .citizen, actor: tracking,
                                action: .submitted, requestID: id)
            let steps = try connection.query(
                """
                SELECT (s->>'stage')::int AS stage, (st->>'step')::int AS step, st->>'sector' AS sector,
                       st->>'office' AS office, (st->>'sla_days')::int AS sla_days
                  FROM requests r, jsonb_array_elements(r.workflow->'stages') s, jsonb_array_elements(s->'steps') st
                 WHERE r.id = $1 ORDER BY 1, 2
                """,
                [id]
            )
            for step in steps {
                let stage: Int = try step.decode("stage")
                let opened = stage == 1
                let due = opened ? try calendar.dueDate(workingDays: try step.decode("sla_days"), from: submittedAt) : nil
                let taskID: Int64 = try connection.query(
                    """
                    INSERT INTO tasks (request_id, stage_no, step_no, municipality_code, sector_code, office_code, status,
                                       sla_days, opened_at, due_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz) RETURNING id
                    """,
                    [id, stage, try step.decode("step", as: Int.self), municipality, try step.decode("sector", as: String.self),
                     try step.decode("office", as: String.self), opened ? "open" : "waiting",
                     try step.decode("sla_days", as: Int.self), opened ? submittedAt : nil, due]
                )[0].decode("id")
                if opened {
                    try AuditLog.append(on: connection, municipality: municipality, actorKind: .system, actor: "nafidha",
                                        action: .taskOpened, requestID: id, taskID: taskID)
                }
            }
            return FiledRequest(id: id, tracking: tracking, token: token, municipality: municipality)
        }
    }

    /// The request's tasks in workflow order.
    func tasks(of request: FiledRequest) throws -> [TaskRecord] {
        try pool.withConnection { connection in
            try connection.query("SELECT id FROM tasks WHERE request_id = $1 ORDER BY stage_no, step_no", [request.id])
                .map { try $0.decode("id", as: Int64.self) }
        }.map { try task($0) }
    }

    /// One task as stored now.
    func task(_ id: Int64) throws -> TaskRecord {
        try engine.task(id)
    }

    /// The request's status, due date and closing time as stored.
    func request(_ request: FiledRequest) throws -> (status: String, dueAt: Date?, closedAt: Date?) {
        try pool.withConnection { connection in
            let row = try connection.query("SELECT status, due_at, closed_at FROM requests WHERE id = $1", [request.id])[0]
            return (try row.decode("status"), try row.decode("due_at"), try row.decode("closed_at"))
        }
    }

    /// The audit actions recorded for the request, in chain order.
    func auditActions(of request: FiledRequest) throws -> [String] {
        try pool.withConnection { connection in
            try connection.query("SELECT action FROM audit_events WHERE request_id = $1 ORDER BY seq", [request.id])
                .map { try $0.decode("action") }
        }
    }
}
