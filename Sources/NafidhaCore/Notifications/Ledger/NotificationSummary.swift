import Foundation
import NafidhaContract
import Postgres

/// One notification as the operator's listings show it (`nafidha admin notifications`, `redeliver`).
public struct NotificationSummary: Sendable, Equatable {
    /// Its id.
    public var id: Int64
    /// Its stable message id.
    public var messageID: UUID
    /// The request's tracking number.
    public var trackingNumber: String
    /// The event reported.
    public var event: NotificationEventType
    /// How it travels.
    public var channel: NotificationChannel
    /// To whom, masked, or `webhook N`.
    public var recipient: String
    /// Where it stands.
    public var state: NotificationState
    /// Attempts started.
    public var attempts: Int
    /// When it was written.
    public var createdAt: Date
    /// When the last attempt started.
    public var lastAttemptAt: Date?
    /// The next attempt, while pending.
    public var nextAttemptAt: Date
    /// When it was accepted.
    public var sentAt: Date?
    /// The last answer's status code.
    public var lastStatusCode: Int?
    /// Why the last attempt failed.
    public var lastError: String?

    /// The columns `init(row:)` reads, of `notifications n` joined with `notification_events e` and `requests r`.
    static let columns = """
        n.id, n.message_id, r.tracking_number, e.type, n.channel, n.recipient, n.webhook_id, n.state, n.attempts,
        n.created_at, n.last_attempt_at, n.next_attempt_at, n.sent_at, n.last_status_code, n.last_error
        """

    /// The tables `columns` come from; `notifications` is the table, or a CTE returning its rows.
    static func source(_ notifications: String = "notifications") -> String {
        "\(notifications) n JOIN notification_events e ON e.id = n.event_id JOIN requests r ON r.id = n.request_id"
    }

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        messageID = try row.decode("message_id")
        trackingNumber = try row.decode("tracking_number")
        event = try NotificationEventType.decoded(from: row)
        channel = NotificationChannel(rawValue: try row.decode("channel")) ?? .sms
        if let webhook: Int64 = try row.decode("webhook_id") {
            recipient = "webhook \(webhook)"
        } else {
            recipient = RecipientMask.mask(try row.decode("recipient", as: String?.self) ?? "")
        }
        state = NotificationState(rawValue: try row.decode("state")) ?? .pending
        attempts = try row.decode("attempts")
        createdAt = try row.decode("created_at")
        lastAttemptAt = try row.decode("last_attempt_at")
        nextAttemptAt = try row.decode("next_attempt_at")
        sentAt = try row.decode("sent_at")
        lastStatusCode = try row.decode("last_status_code")
        lastError = try row.decode("last_error")
    }

    /// As the staff API lists it.
    var staffView: Staff.Notification {
        Staff.Notification(
            id: id, messageID: messageID.uuidString.lowercased(), event: event, channel: channel, recipient: recipient,
            state: state, attempts: attempts, createdAt: createdAt,
            nextAttemptAt: state == .pending ? nextAttemptAt : nil,
            sentAt: sentAt, lastStatusCode: lastStatusCode, lastError: lastError)
    }
}
