/// The status of one task (one step instance); docs/state-machine.md lists the transitions between them.
public enum TaskStatus: String, Sendable, CaseIterable, Codable {
    case waiting
    case open
    case claimed
    case awaitingCitizen = "awaiting_citizen"
    case approved
    case rejected
    case cancelled

    /// True for `approved`, `rejected` and `cancelled`: the task never changes again.
    public var isFinal: Bool {
        switch self {
        case .approved, .rejected, .cancelled: true
        case .waiting, .open, .claimed, .awaitingCitizen: false
        }
    }
}
