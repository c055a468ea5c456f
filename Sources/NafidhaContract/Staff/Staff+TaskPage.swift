extension Staff {
    /// `GET /v1/staff/tasks`: one page of tasks and the cursor of the next one.
    public struct TaskPage: Codable, Sendable, Equatable {
        /// The tasks, by priority (highest first), then due time, then id.
        public var tasks: [QueueTask]
        /// Pass as `cursor` for the next page; absent on the last page.
        public var nextCursor: String?

        /// A page.
        public init(tasks: [QueueTask], nextCursor: String?) {
            self.tasks = tasks
            self.nextCursor = nextCursor
        }

        enum CodingKeys: String, CodingKey {
            case tasks
            case nextCursor = "next_cursor"
        }
    }
}
