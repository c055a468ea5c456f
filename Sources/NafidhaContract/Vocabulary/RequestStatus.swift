/// The status of a request, derived from its tasks (docs/state-machine.md, "Request statuses").
public enum RequestStatus: String, Sendable, CaseIterable, Codable {
    case submitted
    case inReview = "in_review"
    case awaitingCitizen = "awaiting_citizen"
    case approved
    case rejected
    case cancelled

    /// True for `approved`, `rejected` and `cancelled`.
    public var isFinal: Bool {
        switch self {
        case .approved, .rejected, .cancelled: true
        case .submitted, .inReview, .awaitingCitizen: false
        }
    }
}
