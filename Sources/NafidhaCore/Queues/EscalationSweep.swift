import Foundation
import Postgres

/// The SLA sweep: escalates overdue tasks (priority + 1, one `escalated` audit event per task, once) so they
/// surface to supervisors, and returns lapsed claims to their queues. `nafidha serve` runs it every minute on a
/// thread of its own; `nafidha sla sweep` runs it once.
public struct EscalationSweep: Sendable {
    /// Limits of one sweep.
    public struct Settings: Sendable {
        /// Tasks changed per transaction, so one sweep never holds many row locks for long (200).
        public var batchSize = 200
        /// Batches per run at most; what is left waits for the next run (50).
        public var maximumBatches = 50
        /// A claim lapses once past its lease and unchanged this long (as `QueueService.Settings.leaseDuration`).
        public var leaseDuration = QueueService.Settings().leaseDuration

        /// The defaults above.
        public init() {}
    }

    /// What one run did.
    public struct Result: Sendable, Equatable, Codable {
        /// Overdue tasks escalated.
        public var escalated: Int
        /// Claims that lapsed and went back to their queues.
        public var leasesLapsed: Int

        enum CodingKeys: String, CodingKey {
            case escalated
            case leasesLapsed = "leases_lapsed"
        }
    }

    /// The actor audit events of the sweep name.
    public static let actor = "sla-sweep"

    let pool: PostgresPool
    let settings: Settings

    /// A sweep over `pool`.
    public init(pool: PostgresPool, settings: Settings = Settings()) {
        self.pool = pool
        self.settings = settings
    }

    /// Runs one sweep.
    public func run() throws -> Result {
        var result = Result(escalated: 0, leasesLapsed: 0)
        for _ in 0..<settings.maximumBatches {
            let lapsed = try lapseBatch()
            result.leasesLapsed += lapsed
            if lapsed < settings.batchSize { break }
        }
        for _ in 0..<settings.maximumBatches {
            let escalated = try escalateBatch()
            result.escalated += escalated
            if escalated < settings.batchSize { break }
        }
        return result
    }

    private func escalateBatch() throws -> Int {
        try pool.withTransaction { connection in
            let rows = try connection.queryPrepared(
                """
                WITH due AS (
                    SELECT id FROM tasks
                     WHERE status IN ('open', 'claimed') AND escalated_at IS NULL AND due_at <= now()
                     ORDER BY due_at LIMIT $1
                       FOR UPDATE SKIP LOCKED
                )
                UPDATE tasks t SET escalated_at = now(), priority = least(t.priority + 1, 9), updated_at = now(),
                       version = t.version + 1
                  FROM due WHERE t.id = due.id
                RETURNING t.id, t.request_id, t.municipality_code, t.sector_code, t.priority,
                          to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS due
                """,
                [settings.batchSize]
            )
            for row in rows {
                try AuditLog.append(
                    on: connection, municipality: try row.decode("municipality_code"), actorKind: .system,
                    actor: Self.actor, action: .escalated, requestID: try row.decode("request_id"),
                    taskID: try row.decode("id"),
                    details: [
                        "reason": .string("overdue"), "due_at": .string(try row.decode("due")),
                        "sector": .string(try row.decode("sector_code")),
                        "priority": .number(Double(try row.decode("priority", as: Int.self))),
                    ]
                )
            }
            return rows.count
        }
    }

    private func lapseBatch() throws -> Int {
        try pool.withTransaction { connection in
            let rows = try connection.queryPrepared(
                """
                WITH lapsed AS (
                    SELECT id, assignee FROM tasks
                     WHERE status = 'claimed'
                       AND greatest(lease_expires_at, updated_at + make_interval(secs => $2)) <= now()
                     ORDER BY lease_expires_at LIMIT $1
                       FOR UPDATE SKIP LOCKED
                )
                UPDATE tasks t SET status = 'open', assignee = NULL, claimed_at = NULL, lease_expires_at = NULL,
                       updated_at = now(), version = t.version + 1
                  FROM lapsed WHERE t.id = lapsed.id
                RETURNING t.id, t.request_id, t.municipality_code, lapsed.assignee
                """,
                [settings.batchSize, settings.leaseDuration]
            )
            for row in rows {
                try AuditLog.append(
                    on: connection, municipality: try row.decode("municipality_code"), actorKind: .system,
                    actor: Self.actor, action: .released, requestID: try row.decode("request_id"),
                    taskID: try row.decode("id"),
                    details: ["reason": .string("lease_lapsed"), "assignee": .string(try row.decode("assignee"))]
                )
            }
            return rows.count
        }
    }
}
