import Foundation
import NafidhaContract

/// A request as staff see it with `nafidha show`: the applicant's personal data, the form, and every task.
/// `WorkflowEngine.staffView(tracking:for:)` reads it and writes a `personal_data_viewed` audit event in the same
/// transaction, so no staff member sees personal data without a trace.
public struct StaffRequestView: Sendable, Encodable, Equatable {
    /// The tracking number.
    public var trackingNumber: String
    /// The service requested.
    public var service: String
    /// The municipality.
    public var municipality: String
    /// The request status.
    public var status: RequestStatus
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
}
