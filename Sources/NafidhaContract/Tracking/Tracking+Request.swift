import Foundation

extension Tracking {
    /// What a citizen sees of a request: status, deadline, steps and the public timeline (never internal notes,
    /// never clerks' names). Absent dates are written `null`, so clients see a stable shape.
    public struct Request: Codable, Sendable, Equatable {
        /// The tracking number.
        public var trackingNumber: String
        /// The request's status, derived from its tasks.
        public var status: RequestStatus
        /// The service's code.
        public var service: String
        /// The service's name in the asked language.
        public var serviceName: String
        /// The municipality's code.
        public var municipality: String
        /// The municipality's name in the asked language.
        public var municipalityName: String
        /// When it was filed.
        public var submittedAt: Date
        /// When it is due; null while the clock is paused for the citizen.
        public var dueAt: Date?
        /// When it became approved, rejected or cancelled.
        public var closedAt: Date?
        /// The steps in workflow order.
        public var steps: [Step]
        /// The public events, oldest first.
        public var timeline: [Event]
        /// The request's bill, when it has one (docs/payments.md); null otherwise.
        public var bill: Payments.Bill?

        /// A tracked request.
        public init(
            trackingNumber: String, status: RequestStatus, service: String, serviceName: String, municipality: String,
            municipalityName: String, submittedAt: Date, dueAt: Date?, closedAt: Date?, steps: [Step],
            timeline: [Event], bill: Payments.Bill? = nil
        ) {
            self.trackingNumber = trackingNumber
            self.status = status
            self.service = service
            self.serviceName = serviceName
            self.municipality = municipality
            self.municipalityName = municipalityName
            self.submittedAt = submittedAt
            self.dueAt = dueAt
            self.closedAt = closedAt
            self.steps = steps
            self.timeline = timeline
            self.bill = bill
        }

        enum CodingKeys: String, CodingKey {
            case status, service, municipality, steps, timeline, bill
            case trackingNumber = "tracking_number"
            case serviceName = "service_name"
            case municipalityName = "municipality_name"
            case submittedAt = "submitted_at"
            case dueAt = "due_at"
            case closedAt = "closed_at"
        }

        /// Writes every member, `null` for absent dates.
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
            try container.encode(bill, forKey: .bill)
        }

        /// One step of the workflow, where it is and when it is due.
        public struct Step: Codable, Sendable, Equatable {
            /// 1-based; steps of one stage run in parallel.
            public var stage: Int
            /// The sector that acts.
            public var sector: String
            /// Its name in the asked language.
            public var sectorName: String
            /// The office whose queue holds it.
            public var office: String
            /// Its name in the asked language.
            public var officeName: String
            /// The task's status.
            public var status: TaskStatus
            /// When it is due; null before it opens.
            public var dueAt: Date?

            /// A step.
            public init(
                stage: Int, sector: String, sectorName: String, office: String, officeName: String,
                status: TaskStatus, dueAt: Date?
            ) {
                self.stage = stage
                self.sector = sector
                self.sectorName = sectorName
                self.office = office
                self.officeName = officeName
                self.status = status
                self.dueAt = dueAt
            }

            enum CodingKeys: String, CodingKey {
                case stage, sector, office, status
                case sectorName = "sector_name"
                case officeName = "office_name"
                case dueAt = "due_at"
            }

            /// Writes `due_at` as null while the step waits for its stage.
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

        /// One event the citizen may see; members that do not apply are left out.
        public struct Event: Codable, Sendable, Equatable {
            /// When it happened.
            public var at: Date
            /// What happened: `submitted`, `task_opened`, `approved`, `rejected`, `information_requested`,
            /// `citizen_replied`, `cancelled` or `note_added` (a public note).
            public var event: AuditAction
            /// The stage of the step concerned.
            public var stage: Int?
            /// The sector concerned.
            public var sector: String?
            /// The clerk's question, the rejection reason, the citizen's answer or the public note.
            public var message: String?

            /// An event.
            public init(at: Date, event: AuditAction, stage: Int? = nil, sector: String? = nil, message: String? = nil)
            {
                self.at = at
                self.event = event
                self.stage = stage
                self.sector = sector
                self.message = message
            }
        }
    }
}
