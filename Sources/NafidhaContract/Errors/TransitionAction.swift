/// What a staff member tried to do to a task, for the message of `invalid_transition`.
public enum TransitionAction: String, Sendable, CaseIterable {
    /// Take it from its queue.
    case claim
    /// Give it back to its queue.
    case release
    /// Say yes.
    case approve
    /// Say no.
    case reject
    /// Ask the citizen for information.
    case requestInformation = "request_information"
    /// Move it to another sector's queue.
    case forward
}
