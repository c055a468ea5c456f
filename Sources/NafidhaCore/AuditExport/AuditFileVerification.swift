/// The verdict on an export file: the chains it holds and the first problem found, if any.
public struct AuditFileVerification: Sendable, Equatable {
    /// The first thing wrong with a file.
    public struct Problem: Sendable, Equatable {
        /// A stable code: `malformed_record`, `chain_out_of_order`, `sequence_gap`, `previous_hash_mismatch`,
        /// `hash_mismatch`, `details_not_canonical`, `time_went_backwards`, or, against the manifest, `file_sha256_mismatch`,
        /// `event_count_mismatch`, `chain_mismatch`, `format_mismatch`.
        public var code: String
        /// The 1-based line (JSON lines) or record (CSV, the header being record 1) where it shows; 0 for the file.
        public var line: Int
        /// The chain concerned, when one is.
        public var municipality: String?
        /// The `seq` concerned, when one is.
        public var seq: Int64?

        /// Describes a problem (tests compare whole verdicts).
        public init(code: String, line: Int, municipality: String?, seq: Int64?) {
            self.code = code
            self.line = line
            self.municipality = municipality
            self.seq = seq
        }
    }

    /// One chain's part of the file, as recomputed.
    public struct Chain: Sendable, Equatable {
        /// The municipality.
        public var municipalityCode: String
        /// Events of this chain in the file.
        public var eventCount: Int64
        /// Its first `seq` in the file.
        public var firstSeq: Int64
        /// Its last `seq` in the file.
        public var lastSeq: Int64
        /// Its last hash in the file (hexadecimal).
        public var lastHash: String
    }

    /// Events read before the verdict (all of them when intact).
    public var eventCount: Int64
    /// The chains read, in file order.
    public var chains: [Chain]
    /// The first problem, or nil when the file verifies.
    public var problem: Problem?
    /// Whether the manifest was checked too.
    public var checkedManifest: Bool

    /// True when no problem was found.
    public var isIntact: Bool { problem == nil }
}
