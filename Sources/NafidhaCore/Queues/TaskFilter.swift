import NafidhaContract

/// Which tasks of the visible queues to list, and which page.
public struct TaskFilter: Sendable, Equatable {
    /// Which statuses a listing may ask for.
    public enum Status: String, Sendable, CaseIterable {
        /// Waiting to be claimed (the default).
        case open
        /// Held by a staff member.
        case claimed
        /// Paused, waiting for the citizen.
        case awaitingCitizen = "awaiting_citizen"
        /// Every task in a queue's life: open, claimed or awaiting the citizen.
        case active
    }

    /// Only this municipality (must be in scope).
    public var municipality: String?
    /// Only this sector (must be in scope).
    public var sector: String?
    /// Which statuses.
    public var status: Status = .open
    /// Only tasks past due.
    public var overdueOnly = false
    /// Only tasks held by this staff member.
    public var assignee: String?
    /// Page size; clamped to `QueueService.Settings.maximumPageSize`.
    public var limit: Int?
    /// The `next_cursor` of the previous page.
    public var cursor: String?

    /// A filter; every part optional.
    public init(
        municipality: String? = nil, sector: String? = nil, status: Status = .open, overdueOnly: Bool = false,
        assignee: String? = nil, limit: Int? = nil, cursor: String? = nil
    ) {
        self.municipality = municipality
        self.sector = sector
        self.status = status
        self.overdueOnly = overdueOnly
        self.assignee = assignee
        self.limit = limit
        self.cursor = cursor
    }

    /// The task statuses the filter lists.
    var statuses: [TaskStatus] {
        switch status {
        case .open: [.open]
        case .claimed: [.claimed]
        case .awaitingCitizen: [.awaitingCitizen]
        case .active: [.open, .claimed, .awaitingCitizen]
        }
    }
}

/// One page of tasks and the cursor of the next one (nil on the last page).
public struct TaskPage: Sendable, Equatable, Codable {
    /// The tasks, by priority (highest first), then due time, then id.
    public var tasks: [QueueTask]
    /// Pass as `cursor` to get the next page.
    public var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case tasks
        case nextCursor = "next_cursor"
    }
}
