extension Staff {
    /// The query of `GET /v1/staff/tasks`: which tasks of the visible queues, and which page. Every part optional.
    public struct TaskQuery: Sendable, Equatable {
        /// Which statuses a listing may ask for.
        public enum Status: String, Codable, Sendable, CaseIterable {
            /// Waiting to be claimed (the server's default).
            case open
            /// Held by a staff member.
            case claimed
            /// Paused, waiting for the citizen.
            case awaitingCitizen = "awaiting_citizen"
            /// Open, claimed or awaiting the citizen.
            case active
        }

        /// Only this municipality (in scope).
        public var municipality: String?
        /// Only this sector (in scope).
        public var sector: String?
        /// Which statuses.
        public var status: Status?
        /// Only tasks past due.
        public var overdue: Bool?
        /// Only tasks held by this staff member.
        public var assignee: String?
        /// Page size, 1–200 (default 50).
        public var limit: Int?
        /// The `next_cursor` of the previous page.
        public var cursor: String?

        /// A query.
        public init(
            municipality: String? = nil, sector: String? = nil, status: Status? = nil, overdue: Bool? = nil,
            assignee: String? = nil, limit: Int? = nil, cursor: String? = nil
        ) {
            self.municipality = municipality
            self.sector = sector
            self.status = status
            self.overdue = overdue
            self.assignee = assignee
            self.limit = limit
            self.cursor = cursor
        }

        /// The parameters that are set, as the server reads them.
        public var items: [QueryItem] {
            var items: [QueryItem] = []
            if let municipality { items.append(QueryItem("municipality", municipality)) }
            if let sector { items.append(QueryItem("sector", sector)) }
            if let status { items.append(QueryItem("status", status.rawValue)) }
            if let overdue { items.append(QueryItem("overdue", overdue ? "true" : "false")) }
            if let assignee { items.append(QueryItem("assignee", assignee)) }
            if let limit { items.append(QueryItem("limit", String(limit))) }
            if let cursor { items.append(QueryItem("cursor", cursor)) }
            return items
        }
    }
}
