/// The status of a request, derived from its tasks (docs/state-machine.md, "Request statuses").
public enum RequestStatus: String, Sendable, CaseIterable, Codable {
    /// Filed with a fee: its bill is unpaid, no step is open and its clock has not started (docs/payments.md).
    case awaitingPayment = "awaiting_payment"
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
        case .awaitingPayment, .submitted, .inReview, .awaitingCitizen: false
        }
    }
}
