/// How a bill was paid or refunded: at a counter in cash, by card or by transfer, or through a payment provider's
/// callback (`provider`, never typed by a cashier).
public enum PaymentMethod: String, Sendable, CaseIterable, Codable {
    case cash
    case card
    case transfer
    case provider

    /// The methods a cashier may record (`nafidha pay --method`, `nafidha refund --method`).
    public static let counter: [PaymentMethod] = [.cash, .card, .transfer]
}
