/// What a notification event reports: the citizen-visible changes of a request, and the two task events of the
/// SLA sweep (docs/notifications.md). The raw values are the event types of webhooks and of `GET /v1/events`; the
/// database's CHECK constraint lists the same words.
public enum NotificationEventType: String, Sendable, CaseIterable, Codable {
    case submitted = "request.submitted"
    case infoRequested = "request.info_requested"
    case replyReceived = "request.reply_received"
    case stageCompleted = "request.stage_completed"
    case approved = "request.approved"
    case rejected = "request.rejected"
    case cancelled = "request.cancelled"
    case noteAdded = "request.note_added"
    case deadlineApproaching = "task.deadline_approaching"
    case escalated = "task.escalated"

    /// True for the events the citizen hears of (`request.*`); the task events go to staff.
    public var concernsCitizen: Bool {
        switch self {
        case .deadlineApproaching, .escalated: false
        default: true
        }
    }
}
