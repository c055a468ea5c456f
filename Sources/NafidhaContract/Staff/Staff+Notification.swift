import Foundation

extension Staff {
    /// `GET /v1/staff/requests/{tracking}/notifications`: every message sent or to send about a request, oldest
    /// first, with its delivery state. Recipients are masked: the list is for following deliveries, not for reading
    /// contacts.
    public struct NotificationList: Codable, Sendable, Equatable {
        /// The request's tracking number.
        public var trackingNumber: String
        /// The notifications.
        public var notifications: [Notification]

        /// A list.
        public init(trackingNumber: String, notifications: [Notification]) {
            self.trackingNumber = trackingNumber
            self.notifications = notifications
        }

        enum CodingKeys: String, CodingKey {
            case notifications
            case trackingNumber = "tracking_number"
        }
    }

    /// One notification and where its delivery stands.
    public struct Notification: Codable, Sendable, Equatable {
        /// The id `nafidha admin redeliver` takes.
        public var id: Int64
        /// The stable message id receivers see (webhook-id, the SMS gateway's `id`, the e-mail's Message-ID).
        public var messageID: String
        /// The event it reports.
        public var event: NotificationEventType
        /// How it travels.
        public var channel: NotificationChannel
        /// To whom, masked (`+21891*****78`, `a***@example.ly`), or `webhook 3`.
        public var recipient: String
        /// Pending, sent or dead.
        public var state: NotificationState
        /// Attempts started so far.
        public var attempts: Int
        /// When it was written.
        public var createdAt: Date
        /// When a pending one is due next.
        public var nextAttemptAt: Date?
        /// When it was accepted.
        public var sentAt: Date?
        /// The last answer's status code (HTTP, or SMTP reply code).
        public var lastStatusCode: Int?
        /// Why the last attempt failed.
        public var lastError: String?

        /// A notification.
        public init(
            id: Int64, messageID: String, event: NotificationEventType, channel: NotificationChannel,
            recipient: String, state: NotificationState, attempts: Int, createdAt: Date, nextAttemptAt: Date?,
            sentAt: Date?, lastStatusCode: Int?, lastError: String?
        ) {
            self.id = id
            self.messageID = messageID
            self.event = event
            self.channel = channel
            self.recipient = recipient
            self.state = state
            self.attempts = attempts
            self.createdAt = createdAt
            self.nextAttemptAt = nextAttemptAt
            self.sentAt = sentAt
            self.lastStatusCode = lastStatusCode
            self.lastError = lastError
        }

        enum CodingKeys: String, CodingKey {
            case id, event, channel, recipient, state, attempts
            case messageID = "message_id"
            case createdAt = "created_at"
            case nextAttemptAt = "next_attempt_at"
            case sentAt = "sent_at"
            case lastStatusCode = "last_status_code"
            case lastError = "last_error"
        }
    }
}
