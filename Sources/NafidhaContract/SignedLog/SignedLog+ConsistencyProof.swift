extension SignedLog {
    /// `GET /v1/audit/proofs/consistency?municipality=CODE&first=M&second=N`: the RFC 9162 §2.1.4 proof that the
    /// log's tree of N leaves extends its tree of M leaves, with the signed checkpoints of those sizes when the
    /// server signed any.
    public struct ConsistencyProof: Codable, Sendable, Equatable {
        /// The municipality's code.
        public var municipality: String
        /// The older tree size.
        public var first: Int64
        /// The newer tree size.
        public var second: Int64
        /// The proof's hashes, standard base64 (empty when the sizes are equal).
        public var proof: [String]
        /// The signed checkpoint of size `first`, if one was signed.
        public var firstCheckpoint: String?
        /// The signed checkpoint of size `second`, if one was signed.
        public var secondCheckpoint: String?

        /// A consistency proof.
        public init(
            municipality: String, first: Int64, second: Int64, proof: [String], firstCheckpoint: String?,
            secondCheckpoint: String?
        ) {
            self.municipality = municipality
            self.first = first
            self.second = second
            self.proof = proof
            self.firstCheckpoint = firstCheckpoint
            self.secondCheckpoint = secondCheckpoint
        }

        enum CodingKeys: String, CodingKey {
            case municipality, first, second, proof
            case firstCheckpoint = "first_checkpoint"
            case secondCheckpoint = "second_checkpoint"
        }
    }
}
