import Foundation

extension Payments {
    /// The body a payment provider posts to `POST /v1/payments/callbacks/{provider}`, signed in the
    /// `X-Nafidha-Signature` header (docs/payments.md).
    public struct Callback: Codable, Sendable, Equatable {
        /// The bill paid.
        public var billNumber: String
        /// What the provider collected, in minor units.
        public var amountMinor: Int64
        /// ISO 4217.
        public var currency: String
        /// The provider's own id of the payment, 1–100 characters: a callback is applied once per provider and id.
        public var transactionID: String
        /// When the provider collected it.
        public var paidAt: Date

        /// A callback.
        public init(billNumber: String, amountMinor: Int64, currency: String, transactionID: String, paidAt: Date) {
            self.billNumber = billNumber
            self.amountMinor = amountMinor
            self.currency = currency
            self.transactionID = transactionID
            self.paidAt = paidAt
        }

        enum CodingKeys: String, CodingKey {
            case currency
            case billNumber = "bill_number"
            case amountMinor = "amount_minor"
            case transactionID = "transaction_id"
            case paidAt = "paid_at"
        }
    }

    /// The answer to an accepted callback; a replay of the same provider and transaction answers it again.
    public struct CallbackResult: Codable, Sendable, Equatable {
        /// The bill the callback paid.
        public var billNumber: String
        /// The provider's transaction id.
        public var transactionID: String
        /// The bill's status after it (`paid`).
        public var status: BillStatus

        /// A result.
        public init(billNumber: String, transactionID: String, status: BillStatus) {
            self.billNumber = billNumber
            self.transactionID = transactionID
            self.status = status
        }

        enum CodingKeys: String, CodingKey {
            case status
            case billNumber = "bill_number"
            case transactionID = "transaction_id"
        }
    }
}
