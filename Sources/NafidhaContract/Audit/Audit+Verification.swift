extension Audit {
    /// `GET /v1/audit/verify`: every chain in the caller's scope, verified after its checkpoint (or from genesis).
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
        /// Whether every link walked matched and the chain ends at its head.
        public var intact: Bool
        /// The events recomputed by this verification (those after `fromSeq`), before the first broken link if any.
        public var eventsChecked: Int64
        /// Where this verification started: 0 from genesis (`full=true`, or no earlier intact verification), else
        /// the checkpoint the last intact verification left.
        public var fromSeq: Int64
        /// The chain's head as verified, when intact: its `seq` (the whole chain's length).
        public var headSeq: Int64?
        /// The head's hash (lowercase hex) when intact: record it with `headSeq` as an anchor.
        public var headHash: String?
        /// The first broken link's sequence number.
        public var brokenSeq: Int64?
        /// What is wrong there.
        public var problem: String?
        /// Events written but not yet chained by the sequencer (not verified yet).
        public var unchainedEvents: Int64

        /// A chain's verification.
        public init(
            municipality: String, intact: Bool, eventsChecked: Int64, fromSeq: Int64 = 0, headSeq: Int64? = nil,
            headHash: String? = nil, brokenSeq: Int64? = nil, problem: String? = nil, unchainedEvents: Int64 = 0
        ) {
            self.municipality = municipality
            self.intact = intact
            self.eventsChecked = eventsChecked
            self.fromSeq = fromSeq
            self.headSeq = headSeq
            self.headHash = headHash
            self.brokenSeq = brokenSeq
            self.problem = problem
            self.unchainedEvents = unchainedEvents
        }

        enum CodingKeys: String, CodingKey {
            case municipality, intact, problem
            case eventsChecked = "events_checked"
            case fromSeq = "from_seq"
            case headSeq = "head_seq"
            case headHash = "head_hash"
            case brokenSeq = "broken_seq"
            case unchainedEvents = "unchained_events"
        }
    }
}
