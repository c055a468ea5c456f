extension Payments {
    /// The body of `POST /v1/staff/bills/{number}/payments`: a cashier takes the whole amount due.
    public struct PaymentBody: Codable, Sendable, Equatable {
        /// The amount as typed, in the bill's currency (`12.500`; Arabic-Indic digits accepted): it must equal what
        /// is due, since partial payments are not taken.
        public var amount: String
        /// `cash`, `card` or `transfer`.
        public var method: PaymentMethod
        /// The card slip's or transfer's reference, at most 100 characters.
        public var reference: String?

        /// A payment.
        public init(amount: String, method: PaymentMethod, reference: String? = nil) {
            self.amount = amount
            self.method = method
            self.reference = reference
        }
    }

    /// The body of `POST /v1/staff/receipts/{number}/cancel` (supervisors).
    public struct CancelReceiptBody: Codable, Sendable, Equatable {
        /// Why, 1–1000 characters; kept in the audit trail.
        public var reason: String

        /// A cancellation.
        public init(reason: String) {
            self.reason = reason
        }
    }

    /// The body of `POST /v1/staff/bills/{number}/refunds`: the cashier gave the money back.
    public struct RefundBody: Codable, Sendable, Equatable {
        /// `cash`, `card` or `transfer`.
        public var method: PaymentMethod
        /// The transfer's or slip's reference, at most 100 characters.
        public var reference: String?

        /// A refund.
        public init(method: PaymentMethod, reference: String? = nil) {
            self.method = method
            self.reference = reference
        }
    }
}
