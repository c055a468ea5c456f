import Foundation
import NafidhaContract

/// E-mails through an `EmailSender` (the SMTP client of the `Mail` module, `NAFIDHA_SMTP_URL`), from
/// `NAFIDHA_MAIL_FROM`: the rendered subject, text and HTML, and a Message-ID built from the notification's stable
/// message id, so a resent e-mail is recognisably the same one.
struct EmailChannel: NotificationChannelSender {
    /// Who sends.
    let sender: any EmailSender
    /// The From address.
    let from: String
    /// The texts.
    var renderer = NotificationRenderer()

    var channel: NotificationChannel { .email }

    func deliver(_ job: DeliveryJob) -> DeliveryOutcome {
        guard let recipient = job.recipient else { return .failed(statusCode: nil, error: "no address") }
        let email: NotificationRenderer.Email
        do {
            email = try renderer.email(job)
        } catch {
            return .failed(statusCode: nil, error: "cannot render the e-mail: \(error)")
        }
        let message = EmailMessage(
            from: from, to: recipient, subject: email.subject, text: email.text, html: email.html,
            messageID: Self.messageID(job.messageID, from: from), language: job.language.rawValue)
        do {
            try sender.send(message)
            return .sent(statusCode: nil)
        } catch {
            return error.permanent
                ? .failed(statusCode: error.code, error: error.message)
                : .retry(statusCode: error.code, error: error.message, retryAfter: nil)
        }
    }

    /// `<nafidha.<message id>@<the From address's domain>>`.
    static func messageID(_ id: UUID, from: String) -> String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "nafidha.invalid"
        return "<nafidha.\(id.uuidString.lowercased())@\(domain.trimmingCharacters(in: ["<", ">", " "]))>"
    }
}
