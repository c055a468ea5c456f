import Foundation
import NafidhaContract
import Postgres

/// The system's own transitions, run by the SLA sweep (`EscalationSweep`) in batches: claims whose lease lapsed go
/// back to their queues, and overdue tasks are escalated once.
extension WorkflowEngine {
    /// The actor the sweep's audit events name.
    public static let sweepActor = Actor(kind: .system, id: "sla-sweep")

    /// `claimed` → `open` for at most `limit` claims whose lease lapsed: past `lease_expires_at` and unchanged for
    /// `leaseDuration` (audit `released`, `reason: lease_lapsed`). Returns how many lapsed.
    public func lapseLeases(limit: Int) throws -> Int {
        try change { connection, now in
            // Tasks and their requests are taken together and only when free (SKIP LOCKED): the sweep never waits
            // for a clerk, and what is busy now waits for the next run.
            let rows = try connection.queryPrepared(
                """
                SELECT t.id, t.request_id, r.municipality_code FROM tasks t JOIN requests r ON r.id = t.request_id
                 WHERE t.status = 'claimed'
                   AND greatest(t.lease_expires_at, t.updated_at + make_interval(secs => $2)) <= $3::timestamptz
                 ORDER BY t.lease_expires_at LIMIT $1
                   FOR UPDATE OF t, r SKIP LOCKED
                """,
                [limit, settings.leaseDuration, now]
            )
            return try Self.sweep(rows, on: connection, at: now) { transaction, task in
                let released = try transaction.apply(.release, to: task)
                transaction.record(
                    .released, by: Self.sweepActor, task: released,
                    details: [
                        "reason": .string("lease_lapsed"), "assignee": task.assignee.map(JSONValue.string) ?? .null,
                    ])
            }
        }
    }

    /// Escalates at most `limit` open or claimed tasks past `due_at`, once each: priority + 1 (at most 9),
    /// `escalated_at` set, one `escalated` audit event. Returns how many were escalated.
    public func escalateOverdue(limit: Int) throws -> Int {
        try change { connection, now in
            let rows = try connection.queryPrepared(
                """
                SELECT t.id, t.request_id, r.municipality_code FROM tasks t JOIN requests r ON r.id = t.request_id
                 WHERE t.status IN ('open', 'claimed') AND t.escalated_at IS NULL AND t.due_at <= $2::timestamptz
                 ORDER BY t.due_at LIMIT $1
                   FOR UPDATE OF t, r SKIP LOCKED
                """,
                [limit, now]
            )
            return try Self.sweep(rows, on: connection, at: now) { transaction, task in
                let escalated = try transaction.apply(.escalate, to: task)
                transaction.record(
                    .escalated, by: Self.sweepActor, task: escalated,
                    details: [
                        "reason": .string("overdue"),
                        "due_at": escalated.dueAt.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null,
                        "priority": .number(Double(escalated.priority)),
                    ])
            }
        }
    }

    /// Runs `body` on each task of `rows` (`id`, `request_id`, `municipality_code`, already locked with their
    /// requests), one request at a time, each finished (status derived, events appended). Requests go in order of
    /// municipality, so concurrent sweeps take the audit chains' head locks in one order.
    private static func sweep(
        _ rows: PostgresRows, on connection: PostgresConnection, at now: Date,
        _ body: (inout WorkflowTransaction, TaskRecord) throws -> Void
    ) throws -> Int {
        let picked = try rows.map { row in
            (
                task: try row.decode("id", as: Int64.self), request: try row.decode("request_id", as: Int64.self),
                municipality: try row.decode("municipality_code", as: String.self)
            )
        }
        let byRequest = Dictionary(grouping: picked, by: \.request)
        let order = byRequest.values.map { $0[0] }.sorted {
            ($0.municipality, $0.request) < ($1.municipality, $1.request)
        }
        for first in order {
            var transaction = try WorkflowTransaction(
                connection: connection, now: now, locking: .id(first.request), missing: NafidhaError(.taskNotFound))
            for task in byRequest[first.request, default: []].sorted(by: { $0.task < $1.task }) {
                try body(&transaction, try transaction.task(task.task))
            }
            try transaction.finish()
        }
        return picked.count
    }
}
