import Foundation
import NafidhaContract
import Postgres

/// A task as staff see it in a queue: no personal data, so listing a queue is not a PII access.
public struct QueueTask: Sendable, Equatable, Codable {
    /// The task's id, what `nafidha claim TASK` takes.
    public var id: Int64
    /// The request's tracking number.
    public var trackingNumber: String
    /// The requested service.
    public var service: String
    /// The service's name in each language.
    public var serviceName: LocalizedText
    /// The queue key: municipality, sector, office.
    public var municipality: String
    /// The sector that acts.
    public var sector: String
    /// The office whose queue holds it.
    public var office: String
    /// The 1-based stage and step of the request's workflow.
    public var stage: Int
    /// The step within the stage.
    public var step: Int
    /// The task status (docs/state-machine.md); JSON carries its raw value.
    public var status: TaskStatus
    /// Higher first; escalation raises it.
    public var priority: Int
    /// The staff member holding the claim.
    public var assignee: String?
    /// When the task entered its queue.
    public var openedAt: Date?
    /// When it is due.
    public var dueAt: Date?
    /// When it was claimed.
    public var claimedAt: Date?
    /// When the current claim lapses without action.
    public var leaseExpiresAt: Date?
    /// When the sweep found it overdue.
    public var escalatedAt: Date?
    /// When it last changed; any change renews a claim's lease.
    public var updatedAt: Date
    /// Whether it is past due and still open or claimed.
    public var overdue: Bool
    /// The version a later action must name to avoid acting on a stale view.
    public var version: Int

    enum CodingKeys: String, CodingKey {
        case id, service, municipality, sector, office, stage, step, status, priority, assignee, overdue, version
        case trackingNumber = "tracking_number"
        case serviceName = "service_name"
        case openedAt = "opened_at"
        case dueAt = "due_at"
        case claimedAt = "claimed_at"
        case leaseExpiresAt = "lease_expires_at"
        case escalatedAt = "escalated_at"
        case updatedAt = "updated_at"
    }

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

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        trackingNumber = try row.decode("tracking_number")
        service = try row.decode("service_code")
        serviceName = LocalizedText(
            ar: try row.decode("service_ar"), fr: try row.decode("service_fr"),
            en: try row.decode("service_en"))
        municipality = try row.decode("municipality_code")
        sector = try row.decode("sector_code")
        office = try row.decode("office_code")
        stage = try row.decode("stage_no")
        step = try row.decode("step_no")
        status = try TaskStatus.decoded(from: row)
        priority = try row.decode("priority")
        assignee = try row.decode("assignee")
        openedAt = try row.decode("opened_at")
        dueAt = try row.decode("due_at")
        claimedAt = try row.decode("claimed_at")
        leaseExpiresAt = try row.decode("lease_expires_at")
        escalatedAt = try row.decode("escalated_at")
        updatedAt = try row.decode("updated_at")
        overdue = try row.decode("overdue", as: Bool?.self) ?? false
        version = try row.decode("version")
    }
}
