extension Reports {
    /// A row of `payments` (docs/payments.md): one municipality × local day × method × currency.
    public struct PaymentsRow: Codable, Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// Its local date, `YYYY-MM-DD`.
        public var day: String
        /// `cash`, `card`, `transfer` or `provider`.
        public var method: PaymentMethod
        /// ISO 4217.
        public var currency: String
        /// Valid payments (cancelled receipts not counted).
        public var payments: Int64
        /// Their sum in minor units.
        public var paidMinor: Int64
        /// Their sum with the currency's decimals.
        public var paid: String
        /// Counter receipts of the day later cancelled.
        public var receiptsCancelled: Int64
        /// Refunds recorded that day.
        public var refunds: Int64
        /// Their sum in minor units.
        public var refundedMinor: Int64
        /// Their sum with the currency's decimals.
        public var refunded: String

        /// A payments row.
        public init(
            municipality: String, day: String, method: PaymentMethod, currency: String, payments: Int64,
            paidMinor: Int64, paid: String, receiptsCancelled: Int64, refunds: Int64, refundedMinor: Int64,
            refunded: String
        ) {
            self.municipality = municipality
            self.day = day
            self.method = method
            self.currency = currency
            self.payments = payments
            self.paidMinor = paidMinor
            self.paid = paid
            self.receiptsCancelled = receiptsCancelled
            self.refunds = refunds
            self.refundedMinor = refundedMinor
            self.refunded = refunded
        }

        enum CodingKeys: String, CodingKey {
            case municipality, day, method, currency, payments, paid, refunds, refunded
            case paidMinor = "paid_minor"
            case receiptsCancelled = "receipts_cancelled"
            case refundedMinor = "refunded_minor"
        }
    }

    /// A row of `reconciliation`: provider callbacks against bills, per provider × municipality × outcome × currency.
    public struct ReconciliationRow: Codable, Sendable, Equatable {
        /// The provider's name.
        public var provider: String
        /// The bill's municipality; empty for an unknown bill.
        public var municipality: String
        /// `matched`, `mismatched`, `unknown_bill` or `not_payable`.
        public var outcome: String
        /// The currency the callbacks named.
        public var currency: String
        /// Callbacks (first deliveries).
        public var callbacks: Int64
        /// Their replays.
        public var duplicates: Int64
        /// The amounts they named, in minor units.
        public var amountMinor: Int64

        /// A reconciliation row.
        public init(
            provider: String, municipality: String, outcome: String, currency: String, callbacks: Int64,
            duplicates: Int64, amountMinor: Int64
        ) {
            self.provider = provider
            self.municipality = municipality
            self.outcome = outcome
            self.currency = currency
            self.callbacks = callbacks
            self.duplicates = duplicates
            self.amountMinor = amountMinor
        }

        enum CodingKeys: String, CodingKey {
            case provider, municipality, outcome, currency, callbacks, duplicates
            case amountMinor = "amount_minor"
        }
    }
}
