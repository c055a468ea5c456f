import Foundation

extension Staff {
    /// An appeal against a rejection, as supervisors see it in the `appeals` queue (docs/appeals.md).
    public struct Appeal: Codable, Sendable, Equatable {
        /// The appeal's number.
        public var id: Int64
        /// The appealed request.
        public var trackingNumber: String
        /// The request's service.
        public var service: String
        /// The request's municipality, whose supervisors decide.
        public var municipality: String
        /// The sector whose rejection is contested.
        public var sector: String
        /// The rejected task.
        public var task: Int64
        /// `pending`, `upheld` or `granted`.
        public var status: AppealStatus
        /// The applicant's reason.
        public var reason: String
        /// When it was filed.
        public var filedAt: Date
        /// When it is due: the appeal's own deadline, in working days.
        public var dueAt: Date
        /// Whether it is pending past its deadline.
        public var overdue: Bool
        /// When a supervisor decided it.
        public var decidedAt: Date?
        /// Who decided it.
        public var decidedBy: String?

        /// An appeal.
        public init(
            id: Int64, trackingNumber: String, service: String, municipality: String, sector: String, task: Int64,
            status: AppealStatus, reason: String, filedAt: Date, dueAt: Date, overdue: Bool, decidedAt: Date?,
            decidedBy: String?
        ) {
            self.id = id
            self.trackingNumber = trackingNumber
            self.service = service
            self.municipality = municipality
            self.sector = sector
            self.task = task
            self.status = status
            self.reason = reason
            self.filedAt = filedAt
            self.dueAt = dueAt
            self.overdue = overdue
            self.decidedAt = decidedAt
            self.decidedBy = decidedBy
        }

        enum CodingKeys: String, CodingKey {
            case id, service, municipality, sector, task, status, reason, overdue
            case trackingNumber = "tracking_number"
            case filedAt = "filed_at"
            case dueAt = "due_at"
            case decidedAt = "decided_at"
            case decidedBy = "decided_by"
        }

        /// Writes every member, `null` for an appeal not decided yet.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(trackingNumber, forKey: .trackingNumber)
            try container.encode(service, forKey: .service)
            try container.encode(municipality, forKey: .municipality)
            try container.encode(sector, forKey: .sector)
            try container.encode(task, forKey: .task)
            try container.encode(status, forKey: .status)
            try container.encode(reason, forKey: .reason)
            try container.encode(filedAt, forKey: .filedAt)
            try container.encode(dueAt, forKey: .dueAt)
            try container.encode(overdue, forKey: .overdue)
            try container.encode(decidedAt, forKey: .decidedAt)
            try container.encode(decidedBy, forKey: .decidedBy)
        }
    }

    /// The answer of `GET /v1/staff/appeals`: the appeals of the caller's municipalities, most urgent first.
    public struct AppealList: Codable, Sendable, Equatable {
        /// The appeals.
        public var appeals: [Appeal]

        /// A list.
        public init(appeals: [Appeal]) {
            self.appeals = appeals
        }
    }

    /// The body of `POST /v1/staff/appeals/{id}/uphold` and `/grant`: the supervisor's reason, which the applicant
    /// reads on the timeline.
    public struct AppealDecisionBody: Codable, Sendable, Equatable {
        /// The reason, 1–4000 characters.
        public var reason: String

        /// A decision.
        public init(reason: String) {
            self.reason = reason
        }
    }
}
