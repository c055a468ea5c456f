import Foundation

extension Staff {
    /// A task as staff see it in a queue and as every task action answers it: no personal data. Absent members
    /// (`assignee` of an open task, dates not reached) are left out.
    public struct QueueTask: Codable, Sendable, Equatable {
        /// The task's id, what `nafidha claim TASK` takes.
        public var id: Int64
        /// The request's tracking number.
        public var trackingNumber: String
        /// The requested service's code.
        public var service: String
        /// The service's name in each language.
        public var serviceName: LocalizedText
        /// The municipality of the queue.
        public var municipality: String
        /// The sector that acts.
        public var sector: String
        /// The office whose queue holds it.
        public var office: String
        /// The 1-based stage of the request's workflow.
        public var stage: Int
        /// The step within the stage.
        public var step: Int
        /// The task's status.
        public var status: TaskStatus
        /// 0–9, higher first; escalation raises it.
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
        /// When it last changed.
        public var updatedAt: Date
        /// Whether it is past due and still open or claimed.
        public var overdue: Bool
        /// What a later action names as `version` so as not to act on a stale view.
        public var version: Int

        /// A task.
        public init(
            id: Int64, trackingNumber: String, service: String, serviceName: LocalizedText, municipality: String,
            sector: String, office: String, stage: Int, step: Int, status: TaskStatus, priority: Int,
            assignee: String? = nil, openedAt: Date? = nil, dueAt: Date? = nil, claimedAt: Date? = nil,
            leaseExpiresAt: Date? = nil, escalatedAt: Date? = nil, updatedAt: Date, overdue: Bool, version: Int
        ) {
            self.id = id
            self.trackingNumber = trackingNumber
            self.service = service
            self.serviceName = serviceName
            self.municipality = municipality
            self.sector = sector
            self.office = office
            self.stage = stage
            self.step = step
            self.status = status
            self.priority = priority
            self.assignee = assignee
            self.openedAt = openedAt
            self.dueAt = dueAt
            self.claimedAt = claimedAt
            self.leaseExpiresAt = leaseExpiresAt
            self.escalatedAt = escalatedAt
            self.updatedAt = updatedAt
            self.overdue = overdue
            self.version = version
        }

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
    }
}
