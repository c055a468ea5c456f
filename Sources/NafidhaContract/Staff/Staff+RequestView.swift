import Foundation

extension Staff {
    /// `GET /v1/staff/requests/{tracking}`: a request with the applicant's personal data, its form and every task.
    /// Reading it is recorded in the audit trail (`personal_data_viewed`).
    public struct RequestView: Codable, Sendable, Equatable {
        /// The tracking number.
        public var trackingNumber: String
        /// The service's code.
        public var service: String
        /// The municipality's code.
        public var municipality: String
        /// The request's status.
        public var status: RequestStatus
        /// When it was filed.
        public var submittedAt: Date
        /// When it is due; absent while paused or closed.
        public var dueAt: Date?
        /// The applicant's name.
        public var applicantName: String
        /// The applicant's national id.
        public var applicantNationalID: String?
        /// The applicant's phone, E.164.
        public var applicantPhone: String?
        /// The applicant's email.
        public var applicantEmail: String?
        /// The form's answers, as the text of a JSON object.
        public var fields: String
        /// The citizen's description.
        public var description: String
        /// Whether the public views show it: `held` when it looked like it holds a national id or a phone number,
        /// until a clerk moderates it (`nafidha moderate`, docs/open311.md).
        public var descriptionModeration: ModerationState
        /// Every task, in workflow order.
        public var tasks: [QueueTask]

        /// A staff view of a request.
        public init(
            trackingNumber: String, service: String, municipality: String, status: RequestStatus, submittedAt: Date,
            dueAt: Date?, applicantName: String, applicantNationalID: String?, applicantPhone: String?,
            applicantEmail: String?, fields: String, description: String, tasks: [QueueTask],
            descriptionModeration: ModerationState = .visible
        ) {
            self.trackingNumber = trackingNumber
            self.service = service
            self.municipality = municipality
            self.status = status
            self.submittedAt = submittedAt
            self.dueAt = dueAt
            self.applicantName = applicantName
            self.applicantNationalID = applicantNationalID
            self.applicantPhone = applicantPhone
            self.applicantEmail = applicantEmail
            self.fields = fields
            self.description = description
            self.descriptionModeration = descriptionModeration
            self.tasks = tasks
        }

        enum CodingKeys: String, CodingKey {
            case service, municipality, status, description, tasks, fields
            case trackingNumber = "tracking_number"
            case descriptionModeration = "description_moderation"
            case submittedAt = "submitted_at"
            case dueAt = "due_at"
            case applicantName = "applicant_name"
            case applicantNationalID = "applicant_national_id"
            case applicantPhone = "applicant_phone"
            case applicantEmail = "applicant_email"
        }
    }
}
