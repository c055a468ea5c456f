/// Where an appeal against a rejection stands (`appeals.status`; docs/appeals.md).
public enum AppealStatus: String, Sendable, CaseIterable, Codable {
    /// Waiting in the municipality's `appeals` queue for a supervisor.
    case pending
    /// The rejection stands.
    case upheld
    /// The rejected stage reopened.
    case granted
}
