import Foundation
import NafidhaContract

/// What a citizen sees of a request: status, deadline, steps, and the timeline of public events (never internal
/// notes, never clerk identities). Field names are the API's JSON names.
public struct TrackedRequest: Sendable, Encodable, Equatable {
    /// One step of the workflow, where it is and when it is due.
    public struct Step: Sendable, Encodable, Equatable {
        /// The stage (1-based); steps of one stage run in parallel.
        public var stage: Int
        /// The sector that must act (code).
        public var sector: String
        /// The sector's name in the asked language.
        public var sectorName: String
        /// The office whose queue holds it (code).
        public var office: String
        /// The office's name in the asked language.
        public var officeName: String
        /// The task's status.
        public var status: TaskStatus
        /// When the step is due (nil before it opens).
        public var dueAt: Date?

        enum CodingKeys: String, CodingKey {
            case stage, sector, office, status
            case sectorName = "sector_name"
            case officeName = "office_name"
            case dueAt = "due_at"
        }

        /// Encodes `due_at` as null while the step waits for its stage, as the submission receipt does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(stage, forKey: .stage)
            try container.encode(sector, forKey: .sector)
            try container.encode(sectorName, forKey: .sectorName)
            try container.encode(office, forKey: .office)
            try container.encode(officeName, forKey: .officeName)
            try container.encode(status, forKey: .status)
            try container.encode(dueAt, forKey: .dueAt)
        }
    }

    /// One event the citizen may see.
    public struct Event: Sendable, Encodable, Equatable {
        /// When it happened.
        public var at: Date
        /// The audit action: submitted, task_opened, approved, rejected, information_requested, citizen_replied,
        /// cancelled.
        public var event: String
        /// The stage of the step concerned, if any.
        public var stage: Int?
        /// The sector concerned (code), if any.
        public var sector: String?
        /// The clerk's question, the rejection reason or the citizen's answer.
        public var message: String?
    }

    /// The tracking number.
    public var trackingNumber: String
    /// The request's derived status.
    public var status: RequestStatus
    /// The service (code).
    public var service: String
    /// The service's name in the asked language.
    public var serviceName: String
    /// The municipality (code).
    public var municipality: String
    /// The municipality's name in the asked language.
    public var municipalityName: String
    /// When it was filed.
    public var submittedAt: Date
    /// When it is due; nil while the clock is paused for the citizen.
    public var dueAt: Date?
    /// When it became approved, rejected or cancelled.
    public var closedAt: Date?
    /// The steps in workflow order.
    public var steps: [Step]
    /// The public events, oldest first.
    public var timeline: [Event]

    enum CodingKeys: String, CodingKey {
        case status, service, municipality, steps, timeline
        case trackingNumber = "tracking_number"
        case serviceName = "service_name"
        case municipalityName = "municipality_name"
        case submittedAt = "submitted_at"
        case dueAt = "due_at"
        case closedAt = "closed_at"
    }

    /// Encodes every member, writing `null` for absent dates and names so clients see a stable shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trackingNumber, forKey: .trackingNumber)
        try container.encode(status, forKey: .status)
        try container.encode(service, forKey: .service)
        try container.encode(serviceName, forKey: .serviceName)
        try container.encode(municipality, forKey: .municipality)
        try container.encode(municipalityName, forKey: .municipalityName)
        try container.encode(submittedAt, forKey: .submittedAt)
        try container.encode(dueAt, forKey: .dueAt)
        try container.encode(closedAt, forKey: .closedAt)
        try container.encode(steps, forKey: .steps)
        try container.encode(timeline, forKey: .timeline)
    }
}
