import Foundation

extension Events {
    /// One event of the feed.
    public struct Event: Codable, Sendable, Equatable {
        /// The event's id (also `data.event_id`).
        public var id: Int64
        /// What happened.
        public var type: NotificationEventType
        /// When it happened (the change's instant).
        public var timestamp: Date
        /// About what.
        public var data: EventData

        /// An event.
        public init(id: Int64, type: NotificationEventType, timestamp: Date, data: EventData) {
            self.id = id
            self.type = type
            self.timestamp = timestamp
            self.data = data
        }
    }

    /// The body of a webhook delivery, per the Standard Webhooks specification: `{"type","timestamp","data"}`.
    public struct Payload: Codable, Sendable, Equatable {
        /// What happened.
        public var type: NotificationEventType
        /// When it happened.
        public var timestamp: Date
        /// About what.
        public var data: EventData

        /// A payload.
        public init(type: NotificationEventType, timestamp: Date, data: EventData) {
            self.type = type
            self.timestamp = timestamp
            self.data = data
        }
    }

    /// `GET /v1/events`: events in the order they committed, oldest first.
    public struct Page: Codable, Sendable, Equatable {
        /// Up to `limit` events.
        public var events: [Event]
        /// Pass as `after` to read what follows; present even when the page is empty, so a follower polls with it.
        public var nextCursor: String

        /// A page.
        public init(events: [Event], nextCursor: String) {
            self.events = events
            self.nextCursor = nextCursor
        }

        enum CodingKeys: String, CodingKey {
            case events
            case nextCursor = "next_cursor"
        }
    }
}
