extension Staff {
    /// `GET /v1/staff/queues`: the queues the caller may see that hold non-final tasks.
    public struct QueueList: Codable, Sendable, Equatable {
        /// The queues, by municipality, sector and office.
        public var queues: [QueueSummary]

        /// A list of queues.
        public init(queues: [QueueSummary]) {
            self.queues = queues
        }
    }

    /// One queue (municipality, sector, office) with its counts.
    public struct QueueSummary: Codable, Sendable, Equatable {
        /// The municipality whose requests it holds.
        public var municipality: String
        /// The sector that works it.
        public var sector: String
        /// The sector's name in each language.
        public var sectorName: LocalizedText
        /// The office that works it.
        public var office: String
        /// Tasks waiting to be claimed.
        public var open: Int
        /// Tasks a staff member holds.
        public var claimed: Int
        /// Tasks paused while the citizen answers.
        public var awaitingCitizen: Int
        /// Open or claimed tasks past their due time.
        public var overdue: Int
        /// Non-final tasks the escalation sweep has marked.
        public var escalated: Int
        /// True when the queue has open tasks and no clerk could claim them (no active clerk of its municipality and
        /// sector with a valid token): an alert for supervisors (docs/clerks.md, "Unwatched queues").
        public var unwatched: Bool

        /// A queue's counts.
        public init(
            municipality: String, sector: String, sectorName: LocalizedText, office: String, open: Int, claimed: Int,
            awaitingCitizen: Int, overdue: Int, escalated: Int, unwatched: Bool = false
        ) {
            self.municipality = municipality
            self.sector = sector
            self.sectorName = sectorName
            self.office = office
            self.open = open
            self.claimed = claimed
            self.awaitingCitizen = awaitingCitizen
            self.overdue = overdue
            self.escalated = escalated
            self.unwatched = unwatched
        }

        enum CodingKeys: String, CodingKey {
            case municipality, sector, office, open, claimed, overdue, escalated, unwatched
            case awaitingCitizen = "awaiting_citizen"
            case sectorName = "sector_name"
        }
    }
}
