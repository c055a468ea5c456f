import Foundation
import NafidhaContract

/// SMS through an HTTP gateway (`NAFIDHA_SMS_URL`): `POST` JSON `{"id","to","text","language"}`, with
/// `Authorization: Bearer $NAFIDHA_SMS_TOKEN` when a token is set. 2xx accepted; 4xx refused for good (429 and 408
/// retried, 429 after its `Retry-After`); 5xx, a timeout or no connection retried (docs/notifications.md).
struct SMSGatewayChannel: NotificationChannelSender {
    /// Where the gateway listens.
    let url: OutgoingURL
    /// Its bearer token, if it wants one.
    let token: String?
    /// The HTTP client, with its timeouts.
    let client: OutgoingHTTPClient
    /// The texts.
    var renderer = NotificationRenderer()

    var channel: NotificationChannel { .sms }

    /// The gateway's request body.
    struct Body: Encodable {
        let id: String
        let to: String
        let text: String
        let language: String
    }

    func deliver(_ job: DeliveryJob) -> DeliveryOutcome {
        guard let recipient = job.recipient else { return .failed(statusCode: nil, error: "no phone number") }
        let body: [UInt8]
        do {
            body = try ContractJSON.encode(
                Body(
                    id: job.messageID.uuidString.lowercased(), to: recipient, text: try renderer.sms(job),
                    language: job.language.rawValue))
        } catch {
            return .failed(statusCode: nil, error: "cannot render the text: \(error)")
        }
        var headers = [(name: "Content-Type", value: "application/json; charset=utf-8")]
        if let token { headers.append((name: "Authorization", value: "Bearer \(token)")) }
        do {
            return .of(try client.post(url, headers: headers, body: body))
        } catch {
            return .of(error)
        }
    }
}
