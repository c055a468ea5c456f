import Foundation
import NafidhaContract
import Postgres

/// The staff view of a request with the applicant's personal data: a read, but an audited one, so it lives with
/// the authorization rules of the engine.
extension WorkflowEngine {
    /// The request `tracking` with its applicant's personal data, for `member`, and a `personal_data_viewed` audit
    /// event in the same transaction. Clerks see it only while a task of their scope is open, claimed or awaiting
    /// the citizen; supervisors, auditors and admins for every request of their municipalities. Anything else,
    /// including an unknown number, is `request_not_found`, so requests cannot be probed.
    public func staffView(tracking: String, for member: StaffMember) throws -> Staff.RequestView {
        try change { connection, _ in
            let rows = try connection.queryPrepared(
                """
                SELECT id, tracking_number, service_code, municipality_code, status, submitted_at, due_at, applicant_name,
                       applicant_national_id, applicant_phone, applicant_email, fields::text AS fields, description,
                       description_moderation
                  FROM requests WHERE tracking_number = $1
                """,
                [String(tracking.uppercased().prefix(64))]
            )
            guard let row = rows.first else { throw NafidhaError(.requestNotFound) }
            let requestID: Int64 = try row.decode("id")
            let municipality: String = try row.decode("municipality_code")
            let tasks = try Staff.QueueTask.all(ofRequest: requestID, on: connection)
            guard let moderation = ModerationState(rawValue: try row.decode("description_moderation")) else {
                throw NafidhaError(.storedDataInvalid)
            }
            guard member.maySeePersonalData(municipality: municipality, tasks: tasks) else {
                throw NafidhaError(.requestNotFound)
            }
            let view = Staff.RequestView(
                trackingNumber: try row.decode("tracking_number"), service: try row.decode("service_code"),
                municipality: municipality, status: try RequestStatus.decoded(from: row),
                submittedAt: try row.decode("submitted_at"), dueAt: try row.decode("due_at"),
                applicantName: try row.decode("applicant_name"),
                applicantNationalID: try row.decode("applicant_national_id"),
                applicantPhone: try row.decode("applicant_phone"), applicantEmail: try row.decode("applicant_email"),
                fields: try row.decode("fields"), description: try row.decode("description"), tasks: tasks,
                descriptionModeration: moderation
            )
            try AuditLog.append(
                on: connection, municipality: municipality, actorKind: member.actor.kind, actor: member.name,
                action: .personalDataViewed, requestID: requestID,
                details: ["role": .string(member.role.rawValue), "view": .string("staff_request")]
            )
            return view
        }
    }
}
