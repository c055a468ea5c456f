import Foundation
import NafidhaContract

/// One claimed notification with everything its channel needs to render and send it, read in the claiming
/// statement (`DeliveryStore.claim`).
struct DeliveryJob: Sendable {
    /// The webhook a delivery goes to.
    struct Webhook: Sendable, Equatable {
        /// The subscription's id.
        var id: Int64
        /// Where to POST.
        var url: String
        /// The HMAC-SHA256 key of the signature.
        var secret: [UInt8]
        /// Whether the body carries the applicant and the texts.
        var includesPersonalData: Bool
    }

    /// The names a text shows, in every language.
    struct Names: Sendable, Equatable {
        /// The service's name.
        var service: LocalizedText
        /// The municipality's name.
        var municipality: LocalizedText
        /// The task's sector's name, for task events.
        var sector: LocalizedText?
    }

    /// The notification's id.
    var id: Int64
    /// Its stable identity, sent with every attempt.
    var messageID: UUID
    /// How it travels.
    var channel: NotificationChannel
    /// The phone or address (SMS, e-mail).
    var recipient: String?
    /// True when the recipient is a staff member (escalations, deadlines), false for the citizen.
    var toStaff: Bool
    /// The texts' language.
    var language: Language
    /// This attempt's number (1 for the first).
    var attempt: Int
    /// After this instant a failed attempt dead-letters the notification instead of retrying.
    var giveUpAt: Date
    /// The event reported, its data without personal data; nil for a message written with its text (`text`).
    var event: Events.Event?
    /// Whether Arabic texts write digits in Arabic-Indic (the applicant typed them so).
    var arabicDigits: Bool
    /// Names to show.
    var names: Names
    /// The municipality's time zone, for instants shown to people.
    var timeZone: String
    /// The question, reply, rejection reason or public note the event quotes, if any.
    var messageText: String?
    /// The applicant, read only for a subscription that includes personal data.
    var applicant: Events.Applicant?
    /// The subscription, for webhook deliveries.
    var webhook: Webhook?
    /// A text rendered when the notification was written (a citizen's sign-in code: docs/citizens.md), sent as it
    /// is; the outbox erases it once the message is sent or dead-lettered.
    var text: String? = nil
}
