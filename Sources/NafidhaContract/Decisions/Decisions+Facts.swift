extension Decisions {
    /// What was decided, exactly the details of the request's `decided` audit event: the document's inclusion
    /// proof covers these facts, names included, and nothing else. No personal data.
    public struct Facts: Codable, Sendable, Equatable {
        /// The request's tracking number.
        public var trackingNumber: String
        /// `approved` or `rejected`.
        public var outcome: RequestStatus
        /// When the request was decided, UTC to the second (`2026-03-01T08:15:00Z`), as the event states it.
        public var decidedAt: String
        /// The municipality, with its names when the decision was made.
        public var municipality: Named
        /// The service, with its names when the decision was made.
        public var service: Named
        /// Every step of the workflow, in order.
        public var decisions: [SectorDecision]

        /// The facts of one decision.
        public init(
            trackingNumber: String, outcome: RequestStatus, decidedAt: String, municipality: Named, service: Named,
            decisions: [SectorDecision]
        ) {
            self.trackingNumber = trackingNumber
            self.outcome = outcome
            self.decidedAt = decidedAt
            self.municipality = municipality
            self.service = service
            self.decisions = decisions
        }

        enum CodingKeys: String, CodingKey {
            case outcome, municipality, service, decisions
            case trackingNumber = "tracking_number"
            case decidedAt = "decided_at"
        }
    }

    /// A code of the catalog with its names in the three languages.
    public struct Named: Codable, Sendable, Equatable {
        /// The code (`TRP`, `building_permit`, `urbanism`).
        public var code: String
        /// Its names.
        public var name: LocalizedText

        /// A named code.
        public init(code: String, name: LocalizedText) {
            self.code = code
            self.name = name
        }
    }

    /// One step's decision: which sector decided what, and when.
    public struct SectorDecision: Codable, Sendable, Equatable {
        /// The stage (1-based); steps of one stage run in parallel.
        public var stage: Int
        /// The step within its stage (1-based).
        public var step: Int
        /// The sector, with its names.
        public var sector: Named
        /// The office whose queue held the step.
        public var office: String
        /// `approved`, `rejected`, or `cancelled` for a step the rejection of another made moot.
        public var decision: TaskStatus
        /// When the step reached that status, UTC to the second.
        public var decidedAt: String

        /// One step's decision.
        public init(stage: Int, step: Int, sector: Named, office: String, decision: TaskStatus, decidedAt: String) {
            self.stage = stage
            self.step = step
            self.sector = sector
            self.office = office
            self.decision = decision
            self.decidedAt = decidedAt
        }

        enum CodingKeys: String, CodingKey {
            case stage, step, sector, office, decision
            case decidedAt = "decided_at"
        }
    }
}
