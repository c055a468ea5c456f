import Foundation

extension Payments {
    /// A counter receipt: numbered without gaps per municipality and year (`TRP-2026-000042`); a cancelled receipt
    /// keeps its number, marked cancelled.
    public struct Receipt: Codable, Sendable, Equatable {
        /// `TRP-2026-000042`.
        public var number: String
        /// The bill as it stands after the payment or cancellation.
        public var bill: Bill
        /// The request the bill is for.
        public var trackingNumber: String
        /// The service's code.
        public var service: String
        /// The municipality's code.
        public var municipality: String
        /// What was paid (equal to the bill).
        public var money: Money
        /// `cash`, `card` or `transfer`.
        public var method: PaymentMethod
        /// The slip's or transfer's reference, if any.
        public var reference: String?
        /// The cashier who took the payment.
        public var cashier: String
        /// When it was paid.
        public var paidAt: Date
        /// When a supervisor cancelled it; null while valid.
        public var cancelledAt: Date?
        /// Why it was cancelled.
        public var cancellationReason: String?

        /// A receipt.
        public init(
            number: String, bill: Bill, trackingNumber: String, service: String, municipality: String, money: Money,
            method: PaymentMethod, reference: String?, cashier: String, paidAt: Date, cancelledAt: Date?,
            cancellationReason: String?
        ) {
            self.number = number
            self.bill = bill
            self.trackingNumber = trackingNumber
            self.service = service
            self.municipality = municipality
            self.money = money
            self.method = method
            self.reference = reference
            self.cashier = cashier
            self.paidAt = paidAt
            self.cancelledAt = cancelledAt
            self.cancellationReason = cancellationReason
        }

        enum CodingKeys: String, CodingKey {
            case number, bill, service, municipality, method, reference, cashier
            case trackingNumber = "tracking_number"
            case paidAt = "paid_at"
            case cancelledAt = "cancelled_at"
            case cancellationReason = "cancellation_reason"
        }

        /// Reads the receipt with its money members beside the others.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(String.self, forKey: .number)
            bill = try container.decode(Bill.self, forKey: .bill)
            trackingNumber = try container.decode(String.self, forKey: .trackingNumber)
            service = try container.decode(String.self, forKey: .service)
            municipality = try container.decode(String.self, forKey: .municipality)
            money = try Money(from: decoder)
            method = try container.decode(PaymentMethod.self, forKey: .method)
            reference = try container.decodeIfPresent(String.self, forKey: .reference)
            cashier = try container.decode(String.self, forKey: .cashier)
            paidAt = try container.decode(Date.self, forKey: .paidAt)
            cancelledAt = try container.decodeIfPresent(Date.self, forKey: .cancelledAt)
            cancellationReason = try container.decodeIfPresent(String.self, forKey: .cancellationReason)
        }

        /// Writes the money members beside the others; absent values as null.
        public func encode(to encoder: any Encoder) throws {
            try money.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(bill, forKey: .bill)
            try container.encode(trackingNumber, forKey: .trackingNumber)
            try container.encode(service, forKey: .service)
            try container.encode(municipality, forKey: .municipality)
            try container.encode(method, forKey: .method)
            try container.encode(reference, forKey: .reference)
            try container.encode(cashier, forKey: .cashier)
            try container.encode(paidAt, forKey: .paidAt)
            try container.encode(cancelledAt, forKey: .cancelledAt)
            try container.encode(cancellationReason, forKey: .cancellationReason)
        }
    }
}
