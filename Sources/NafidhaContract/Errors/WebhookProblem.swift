/// Why `nafidha admin create-webhook` refuses a subscription, for the message of `invalid_webhook`.
public enum WebhookProblem: Sendable, Hashable {
    /// The URL cannot be delivered to; the detail says why (in English: it names URL syntax).
    case invalidURL(String)
    /// No event type has this name.
    case unknownEventType(String)
    /// No municipality has this code.
    case unknownMunicipality(String)
    /// No sector has this code.
    case unknownSector(String)
}
