import Foundation
import NafidhaContract
import Postgres

/// A request as staff see it with `nafidha show`: the applicant's personal data, the form, and every task. Reading
/// it writes a `personal_data_viewed` audit event in the same transaction, so no staff member sees personal data
/// without a trace.
public struct StaffRequestView: Sendable, Encodable, Equatable {
    /// The tracking number.
    public var trackingNumber: String
    /// The service requested.
    public var service: String
    /// The municipality.
    public var municipality: String
    /// The request status.
    public var status: String
    /// When it was submitted.
    public var submittedAt: Date
    /// When it is due (nil while paused or closed).
    public var dueAt: Date?
    /// The applicant's name (personal data).
    public var applicantName: String
    /// The applicant's national id (personal data).
    public var applicantNationalID: String?
    /// The applicant's phone (personal data).
    public var applicantPhone: String?
    /// The applicant's email (personal data).
    public var applicantEmail: String?
    /// The form's answers, as JSON text.
    public var fields: String
    /// The citizen's description.
    public var description: String
    /// Every task of the request, in workflow order.
    public var tasks: [QueueTask]

    enum CodingKeys: String, CodingKey {
        case service, municipality, status, description, tasks, fields
        case trackingNumber = "tracking_number"
        case submittedAt = "submitted_at"
        case dueAt = "due_at"
        case applicantName = "applicant_name"
        case applicantNationalID = "applicant_national_id"
        case applicantPhone = "applicant_phone"
        case applicantEmail = "applicant_email"
    }

    /// Reads the request `tracking` for `member`: visible when one of its tasks is in the member's scope (for a
    /// clerk, a task of their sector). Anything else, including an unknown number, is `request_not_found`.
    public static func read(tracking: String, for member: StaffMember, pool: PostgresPool) throws -> StaffRequestView {
        try pool.withTransaction { connection in
            let rows = try connection.queryPrepared(
                """
                SELECT id, tracking_number, service_code, municipality_code, status, submitted_at, due_at, applicant_name,
                       applicant_national_id, applicant_phone, applicant_email, fields::text AS fields, description
                  FROM requests WHERE tracking_number = $1
                """,
                [tracking.uppercased()]
            )
            guard let row = rows.first else { throw notFound }
            let requestID: Int64 = try row.decode("id")
            let tasks = try connection.queryPrepared(
                "SELECT \(QueueTask.columns) FROM \(QueueTask.source) WHERE t.request_id = $1 ORDER BY t.stage_no, t.step_no",
                [requestID]
            ).map { try QueueTask(row: $0) }
            guard tasks.contains(where: { member.canSee(municipality: $0.municipality, sector: $0.sector) }) else {
                throw notFound
            }
            let view = StaffRequestView(
                trackingNumber: try row.decode("tracking_number"), service: try row.decode("service_code"),
                municipality: try row.decode("municipality_code"), status: try row.decode("status"),
                submittedAt: try row.decode("submitted_at"), dueAt: try row.decode("due_at"),
                applicantName: try row.decode("applicant_name"),
                applicantNationalID: try row.decode("applicant_national_id"),
                applicantPhone: try row.decode("applicant_phone"), applicantEmail: try row.decode("applicant_email"),
                fields: try row.decode("fields"), description: try row.decode("description"), tasks: tasks
            )
            try AuditLog.append(
                on: connection, municipality: view.municipality,
                actorKind: member.role.actsOnTasks ? .clerk : .auditor, actor: member.name,
                action: .personalDataViewed, requestID: requestID,
                details: ["role": .string(member.role.rawValue), "view": .string("staff_request")]
            )
            return view
        }
    }

    static let notFound = NafidhaError(
        .notFound, code: "request_not_found",
        message: LocalizedText(
            ar: "لا يوجد طلب بهذا الرقم في نطاقك.", fr: "Aucune demande de ce numéro dans votre périmètre.",
            en: "No request with this number is in your scope.")
    )
}
