extension Tracking {
    /// The body of `POST /v1/requests/{tracking}/appeal`: why the applicant contests the rejection.
    public struct AppealBody: Codable, Sendable, Equatable {
        /// The reason, 1–4000 characters.
        public var reason: String

        /// An appeal.
        public init(reason: String) {
            self.reason = reason
        }
    }
}
