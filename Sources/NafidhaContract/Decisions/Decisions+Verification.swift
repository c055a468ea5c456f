extension Decisions {
    /// The answer of the public verification (`GET /v1/verify/{code}`, `POST /v1/verify`): whether the decision
    /// verifies and, when it does, its document without the applicant (a public verification shows nothing
    /// personal), so a client can check it again offline.
    public struct Verification: Codable, Sendable, Equatable {
        /// Whether the decision verifies against the server's key and log.
        public var valid: Bool
        /// Why not, when not valid: one of the problem names of docs/verification.md.
        public var problem: String?
        /// The verified document, without `applicant`, when valid.
        public var decision: Document?

        /// A verification's answer.
        public init(valid: Bool, problem: String? = nil, decision: Document? = nil) {
            self.valid = valid
            self.problem = problem
            self.decision = decision
        }
    }
}
