import Foundation

extension Events {
    /// The `data` of an event. Members absent from an event type are left out. `applicant` and `message` appear only
    /// in deliveries to a subscription created with `--include-personal-data`, never in the feed.
    public struct EventData: Codable, Sendable, Equatable {
        /// The event's id: the same in the feed and in every webhook delivery of the event.
        public var eventID: Int64
        /// The request's tracking number.
        public var trackingNumber: String
        /// The municipality's code.
        public var municipality: String
        /// The service's code.
        public var service: String
        /// The request's status after the change.
        public var status: RequestStatus
        /// The status before, when the change moved it.
        public var previousStatus: RequestStatus?
        /// `request.submitted`: how it was filed.
        public var channel: SubmissionChannel?
        /// `request.stage_completed`: the stage just completed.
        public var stage: Int?
        /// `request.stage_completed`: the stage whose tasks opened.
        public var nextStage: Int?
        /// The task concerned (task events, questions, replies, decisions on one task).
        public var task: Task?
        /// Personal-data subscriptions only: who applied.
        public var applicant: Applicant?
        /// Personal-data subscriptions only: the question, reply, rejection reason or public note.
        public var message: String?

        /// Event data.
        public init(
            eventID: Int64, trackingNumber: String, municipality: String, service: String, status: RequestStatus,
            previousStatus: RequestStatus? = nil, channel: SubmissionChannel? = nil, stage: Int? = nil,
            nextStage: Int? = nil, task: Task? = nil, applicant: Applicant? = nil, message: String? = nil
        ) {
            self.eventID = eventID
            self.trackingNumber = trackingNumber
            self.municipality = municipality
            self.service = service
            self.status = status
            self.previousStatus = previousStatus
            self.channel = channel
            self.stage = stage
            self.nextStage = nextStage
            self.task = task
            self.applicant = applicant
            self.message = message
        }

        enum CodingKeys: String, CodingKey {
            case municipality, service, status, channel, stage, task, applicant, message
            case eventID = "event_id"
            case trackingNumber = "tracking_number"
            case previousStatus = "previous_status"
            case nextStage = "next_stage"
        }
    }

    /// The task an event concerns.
    public struct Task: Codable, Sendable, Equatable {
        /// The task's id.
        public var id: Int64
        /// Its stage (1-based).
        public var stage: Int
        /// Its step within the stage.
        public var step: Int
        /// The sector that acts.
        public var sector: String
        /// The office whose queue holds it.
        public var office: String
        /// Its deadline, when it has one.
        public var dueAt: Date?
        /// `task.escalated`: its priority after escalation.
        public var priority: Int?

        /// A task reference.
        public init(
            id: Int64, stage: Int, step: Int, sector: String, office: String, dueAt: Date? = nil, priority: Int? = nil
        ) {
            self.id = id
            self.stage = stage
            self.step = step
            self.sector = sector
            self.office = office
            self.dueAt = dueAt
            self.priority = priority
        }

        enum CodingKeys: String, CodingKey {
            case id, stage, step, sector, office, priority
            case dueAt = "due_at"
        }
    }

    /// The applicant, for personal-data subscriptions.
    public struct Applicant: Codable, Sendable, Equatable {
        /// The applicant's name.
        public var name: String
        /// The national id, when given.
        public var nationalID: String?
        /// The phone, E.164, when given.
        public var phone: String?
        /// The e-mail address, when given.
        public var email: String?

        /// An applicant.
        public init(name: String, nationalID: String?, phone: String?, email: String?) {
            self.name = name
            self.nationalID = nationalID
            self.phone = phone
            self.email = email
        }

        enum CodingKeys: String, CodingKey {
            case name, phone, email
            case nationalID = "national_id"
        }
    }
}
