extension Audit {
    /// `GET /v1/audit/verify`: every chain in the caller's scope recomputed.
    public struct Verification: Codable, Sendable, Equatable {
        /// Whether every chain is intact.
        public var intact: Bool
        /// One entry per municipality's chain.
        public var chains: [Chain]

        /// A verification.
        public init(intact: Bool, chains: [Chain]) {
            self.intact = intact
            self.chains = chains
        }
    }

    /// One municipality's chain: intact, or where it first breaks.
    public struct Chain: Codable, Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// Whether every link matched.
        public var intact: Bool
        /// The events recomputed.
        public var eventsChecked: Int64
        /// The first broken link's sequence number.
        public var brokenSeq: Int64?
        /// What is wrong there.
        public var problem: String?
        /// Events written but not yet chained by the sequencer (not verified yet).
        public var unchainedEvents: Int64

        /// A chain's verification.
        public init(
            municipality: String, intact: Bool, eventsChecked: Int64, brokenSeq: Int64? = nil, problem: String? = nil,
            unchainedEvents: Int64 = 0
        ) {
            self.municipality = municipality
            self.intact = intact
            self.eventsChecked = eventsChecked
            self.brokenSeq = brokenSeq
            self.problem = problem
            self.unchainedEvents = unchainedEvents
        }

        enum CodingKeys: String, CodingKey {
            case municipality, intact, problem
            case eventsChecked = "events_checked"
            case brokenSeq = "broken_seq"
            case unchainedEvents = "unchained_events"
        }
    }
}
