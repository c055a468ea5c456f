import Foundation

extension Payments {
    /// A request's bill: issued at submission when its service has a fee, paid once.
    ///
    /// In JSON: `number`, `status`, `amount` (`"12.500"`), `amount_minor`, `currency`, `due_at`, `paid_at`.
    public struct Bill: Codable, Sendable, Equatable {
        /// `TRP-00001042-7`: the municipality, a sequence, and an ISO 7064 MOD 11-2 check character.
        public var number: String
        /// Where it stands.
        public var status: BillStatus
        /// What is due.
        public var money: Money
        /// The last instant it may be paid: the end of its last working day in the municipality's time zone.
        public var dueAt: Date
        /// When it was paid; null until then.
        public var paidAt: Date?

        /// A bill.
        public init(number: String, status: BillStatus, money: Money, dueAt: Date, paidAt: Date?) {
            self.number = number
            self.status = status
            self.money = money
            self.dueAt = dueAt
            self.paidAt = paidAt
        }

        enum CodingKeys: String, CodingKey {
            case number, status
            case dueAt = "due_at"
            case paidAt = "paid_at"
        }

        /// Reads the bill with its money members beside the others.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(String.self, forKey: .number)
            status = try container.decode(BillStatus.self, forKey: .status)
            money = try Money(from: decoder)
            dueAt = try container.decode(Date.self, forKey: .dueAt)
            paidAt = try container.decodeIfPresent(Date.self, forKey: .paidAt)
        }

        /// Writes the money members beside the others, and `paid_at` as null while unpaid.
        public func encode(to encoder: any Encoder) throws {
            try money.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(status, forKey: .status)
            try container.encode(dueAt, forKey: .dueAt)
            try container.encode(paidAt, forKey: .paidAt)
        }
    }
}
