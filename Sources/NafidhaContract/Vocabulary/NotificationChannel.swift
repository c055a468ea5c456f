/// How a notification travels; the database's CHECK constraint lists the same words.
public enum NotificationChannel: String, Sendable, CaseIterable, Codable {
    /// A text message through the SMS gateway.
    case sms
    /// An e-mail over SMTP.
    case email
    /// A signed POST to an integrator's webhook.
    case webhook
}
