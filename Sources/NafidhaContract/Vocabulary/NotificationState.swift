/// Where a notification's delivery stands; the database's CHECK constraint lists the same words.
public enum NotificationState: String, Sendable, CaseIterable, Codable {
    /// Not delivered yet: waiting for its first attempt, for a retry, or in flight.
    case pending
    /// The receiver accepted it.
    case sent
    /// Given up: a permanent refusal, or retries ran out (dead-lettered). `nafidha admin redeliver` sends it again.
    case dead
}
