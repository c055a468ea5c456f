import Foundation
import NafidhaContract
import Postgres

/// The `appeals` queue (docs/appeals.md): appeals read as supervisors see them, with the applicant's reason. Read
/// only; the workflow engine files and decides them.
enum AppealQueue {
    /// Appeals listed at most in one answer (200): a municipality has far fewer pending.
    static let maximumListed = 200

    private static let select = """
        SELECT a.id, r.tracking_number, r.service_code, a.municipality_code, a.sector_code, a.task_id, a.status,
               m.body AS reason, a.filed_at, a.due_at, a.decided_at, a.decided_by,
               (a.status = 'pending' AND a.due_at <= $1::timestamptz) AS overdue
          FROM appeals a JOIN requests r ON r.id = a.request_id JOIN request_messages m ON m.id = a.reason_message_id
        """

    /// Appeal `id`, or `appeal_not_found`.
    static func appeal(_ id: Int64, on connection: PostgresConnection, now: Date) throws -> Staff.Appeal {
        guard let row = try connection.queryPrepared(select + " WHERE a.id = $2", [now, id]).first else {
            throw NafidhaError(.appealNotFound)
        }
        return try appeal(from: row)
    }

    /// The appeals with `status` of `municipalities` (nil: all), the most urgent first (pending: by deadline;
    /// decided: the latest decision first).
    static func appeals(
        municipalities: [String]?, status: AppealStatus, on connection: PostgresConnection, now: Date
    ) throws -> [Staff.Appeal] {
        try connection.queryPrepared(
            select + """
                 WHERE a.status = $2 AND ($3::text[] IS NULL OR a.municipality_code = ANY ($3::text[]))
                 ORDER BY CASE WHEN a.status = 'pending' THEN a.due_at END, a.decided_at DESC, a.id
                 LIMIT $4
                """,
            [now, status.rawValue, municipalities, maximumListed]
        ).map(appeal(from:))
    }

    private static func appeal(from row: PostgresRow) throws -> Staff.Appeal {
        guard let status = AppealStatus(rawValue: try row.decode("status")) else {
            throw NafidhaError(.storedDataInvalid)
        }
        return Staff.Appeal(
            id: try row.decode("id"), trackingNumber: try row.decode("tracking_number"),
            service: try row.decode("service_code"), municipality: try row.decode("municipality_code"),
            sector: try row.decode("sector_code"), task: try row.decode("task_id"), status: status,
            reason: try row.decode("reason"), filedAt: try row.decode("filed_at"), dueAt: try row.decode("due_at"),
            overdue: try row.decode("overdue"), decidedAt: try row.decode("decided_at"),
            decidedBy: try row.decode("decided_by"))
    }
}
