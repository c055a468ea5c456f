extension Decisions {
    /// A decision document in JSON (`GET /v1/requests/{tracking}/decision?format=json`): the facts, the audit event
    /// they are the details of, that event's inclusion proof in the municipality's audit log, and the signed
    /// checkpoint the proof leads to. Anyone holding the log's public key checks it offline
    /// (docs/verification.md, "Verifying a decision"). Only `applicant` is outside what the proof covers: personal
    /// data never enters the audit trail.
    public struct Document: Codable, Sendable, Equatable {
        /// `nafidha-decision-v1`.
        public var format: String
        /// The code the page's QR Code carries (`NV1.<municipality>.<tracking>.<leaf index>.<signature>`).
        public var verificationCode: String
        /// Who applied, as the page prints it; only in the applicant's own copy, never from the public
        /// verification. Not covered by the proof.
        public var applicant: Applicant?
        /// What was decided: exactly the event's details.
        public var facts: Facts
        /// The `decided` audit event, as hashed.
        public var event: Event
        /// The event's index in the log (its `seq − 1`).
        public var leafIndex: Int64
        /// The tree size of `checkpoint`, which the proof is for.
        public var treeSize: Int64
        /// RFC 9162 §2.1.3 inclusion proof of the leaf in that tree: standard base64 hashes, leaf side first.
        public var inclusionProof: [String]
        /// The signed checkpoint (c2sp.org/tlog-checkpoint signed note) of the municipality's log at `treeSize`.
        public var checkpoint: String

        /// A decision document.
        public init(
            format: String = Decisions.documentFormat, verificationCode: String, applicant: Applicant?, facts: Facts,
            event: Event, leafIndex: Int64, treeSize: Int64, inclusionProof: [String], checkpoint: String
        ) {
            self.format = format
            self.verificationCode = verificationCode
            self.applicant = applicant
            self.facts = facts
            self.event = event
            self.leafIndex = leafIndex
            self.treeSize = treeSize
            self.inclusionProof = inclusionProof
            self.checkpoint = checkpoint
        }

        enum CodingKeys: String, CodingKey {
            case format, applicant, facts, event, checkpoint
            case verificationCode = "verification_code"
            case leafIndex = "leaf_index"
            case treeSize = "tree_size"
            case inclusionProof = "inclusion_proof"
        }
    }

    /// The applicant as the page prints them: the name, and the national id masked to its last four digits.
    public struct Applicant: Codable, Sendable, Equatable {
        /// The applicant's name.
        public var name: String
        /// `••••••1234`, or nil when the request carries no national id.
        public var nationalIDMasked: String?

        /// The applicant of a document.
        public init(name: String, nationalIDMasked: String?) {
            self.name = name
            self.nationalIDMasked = nationalIDMasked
        }

        enum CodingKeys: String, CodingKey {
            case name
            case nationalIDMasked = "national_id_masked"
        }
    }
}
