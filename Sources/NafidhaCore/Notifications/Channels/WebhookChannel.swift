import Foundation
import NafidhaContract

/// Deliveries to integrators' webhooks, per the Standard Webhooks specification: `POST` of
/// `{"type","timestamp","data"}` with `webhook-id` (the notification's stable message id), `webhook-timestamp` (the
/// attempt's time) and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the
/// subscription's secret). The applicant and the quoted text are added only for a subscription that includes
/// personal data. Answers are judged as the SMS gateway's are; redirects are not followed.
struct WebhookChannel: NotificationChannelSender {
    /// The HTTP client, with its timeouts.
    let client: OutgoingHTTPClient
    /// The attempt's clock (tests pin it).
    var clock: @Sendable () -> Date = { Date() }

    var channel: NotificationChannel { .webhook }

    func deliver(_ job: DeliveryJob) -> DeliveryOutcome {
        guard let webhook = job.webhook, let event = job.event else {
            return .failed(statusCode: nil, error: "no subscription")
        }
        let url: OutgoingURL
        do {
            url = try OutgoingURL(webhook.url)
        } catch {
            return .failed(statusCode: nil, error: "\(error)")
        }
        let body: [UInt8]
        do {
            body = try ContractJSON.encode(Self.payload(of: job, event: event))
        } catch {
            return .failed(statusCode: nil, error: "cannot write the body: \(error)")
        }
        let headers =
            [(name: "Content-Type", value: "application/json")]
            + WebhookSignature.headers(
                id: job.messageID.uuidString.lowercased(), timestamp: clock(), body: body, secret: webhook.secret)
        do {
            return .of(try client.post(url, headers: headers, body: body))
        } catch {
            return .of(error)
        }
    }

    /// The body: the event, with the applicant and the quoted text when the subscription includes personal data.
    static func payload(of job: DeliveryJob, event: Events.Event) -> Events.Payload {
        var data = event.data
        if job.webhook?.includesPersonalData == true {
            data.applicant = job.applicant
            data.message = job.messageText
        }
        return Events.Payload(type: event.type, timestamp: event.timestamp, data: data)
    }
}
