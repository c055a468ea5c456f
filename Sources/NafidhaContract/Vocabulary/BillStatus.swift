/// The status of a request's bill (docs/payments.md has the transitions).
public enum BillStatus: String, Sendable, CaseIterable, Codable {
    /// Issued at submission; the request waits for it.
    case unpaid
    /// Paid at a counter or by a provider; the request's first stage opened.
    case paid
    /// Past its due date unpaid, or its request cancelled before payment.
    case cancelled
    /// Paid, then its request was rejected or cancelled: the money is to be given back.
    case refundDue = "refund_due"
    /// The refund was recorded by a cashier.
    case refunded
}
