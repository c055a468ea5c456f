import Foundation
import NafidhaContract
import Postgres

/// The sweep's payment step (docs/payments.md): a request whose bill is still unpaid past its due date is cancelled
/// with its tasks, and its bill with it; the request's `request.cancelled` notification goes through the outbox as
/// any cancellation's does.
extension WorkflowEngine {
    /// Cancels at most `limit` requests awaiting payment whose bill is past due. Returns how many. Rows are taken
    /// with `SKIP LOCKED`, so sweeps in several servers at once share the work.
    public func cancelUnpaid(limit: Int) throws -> Int {
        try change { connection, now in
            let rows = try connection.queryPrepared(
                """
                SELECT r.id, r.municipality_code FROM bills b JOIN requests r ON r.id = b.request_id
                 WHERE b.status = 'unpaid' AND b.due_at <= $2::timestamptz AND r.status = 'awaiting_payment'
                 ORDER BY b.due_at LIMIT $1
                   FOR UPDATE OF r SKIP LOCKED
                """,
                [limit, now])
            // One municipality after the other, as the other sweeps go, so the chains' head locks come in one order.
            let picked = try rows.map {
                (
                    id: try $0.decode("id", as: Int64.self),
                    municipality: try $0.decode("municipality_code", as: String.self)
                )
            }
            .sorted { ($0.municipality, $0.id) < ($1.municipality, $1.id) }
            for request in picked {
                var transaction = try WorkflowTransaction(
                    connection: connection, now: now, locking: .id(request.id),
                    missing: NafidhaError(.requestNotFound))
                let cancelled = try transaction.cancelRemainingTasks()
                transaction.cancelled = true
                transaction.record(
                    .cancelled, by: .system,
                    details: [
                        "cause": .string("bill_unpaid"), "tasks": .array(cancelled.map { .number(Double($0)) }),
                    ])
                try transaction.finish()
            }
            return picked.count
        }
    }
}
