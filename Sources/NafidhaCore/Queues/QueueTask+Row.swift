import Foundation
import NafidhaContract
import Postgres

/// A task as staff see it in a queue (no personal data, so listing a queue is not a PII access), read from its row.
extension Staff.QueueTask {
    /// The tables `columns` reads from.
    static let source = "tasks t JOIN requests r ON r.id = t.request_id JOIN services s ON s.code = r.service_code"

    /// The columns `init(row:)` reads, over `source`.
    static let columns = """
        t.id, r.tracking_number, r.service_code, s.name_ar AS service_ar, s.name_fr AS service_fr,
        s.name_en AS service_en, t.municipality_code, t.sector_code, t.office_code, t.stage_no,
        t.step_no, t.status, t.priority, t.assignee, t.opened_at, t.due_at, t.claimed_at,
        CASE WHEN t.status = 'claimed' THEN t.lease_expires_at END AS lease_expires_at, t.escalated_at, t.updated_at,
        (t.status IN ('open', 'claimed') AND t.due_at <= now()) AS overdue, t.version,
        coalesce(t.due_at, 'infinity')::text AS sort_due, t.request_id
        """

    /// Reads a row selected with `columns` from `source`.
    init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id"), trackingNumber: try row.decode("tracking_number"),
            service: try row.decode("service_code"),
            serviceName: LocalizedText(
                ar: try row.decode("service_ar"), fr: try row.decode("service_fr"), en: try row.decode("service_en")),
            municipality: try row.decode("municipality_code"), sector: try row.decode("sector_code"),
            office: try row.decode("office_code"), stage: try row.decode("stage_no"), step: try row.decode("step_no"),
            status: try TaskStatus.decoded(from: row), priority: try row.decode("priority"),
            assignee: try row.decode("assignee"), openedAt: try row.decode("opened_at"),
            dueAt: try row.decode("due_at"), claimedAt: try row.decode("claimed_at"),
            leaseExpiresAt: try row.decode("lease_expires_at"), escalatedAt: try row.decode("escalated_at"),
            updatedAt: try row.decode("updated_at"), overdue: try row.decode("overdue", as: Bool?.self) ?? false,
            version: try row.decode("version"))
    }

    /// Every task of the request `requestID`, in workflow order.
    static func all(ofRequest requestID: Int64, on connection: PostgresConnection) throws -> [Staff.QueueTask] {
        try connection.queryPrepared(
            "SELECT \(columns) FROM \(source) WHERE t.request_id = $1 ORDER BY t.stage_no, t.step_no", [requestID]
        ).map { try Staff.QueueTask(row: $0) }
    }
}
