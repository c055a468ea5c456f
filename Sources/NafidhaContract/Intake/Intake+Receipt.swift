import Foundation

extension Intake {
    /// The `201` answer to a submission: the tracking number and the one-time access token, the request's status
    /// and deadline, and every step of its workflow.
    public struct Receipt: Codable, Sendable, Equatable {
        /// `TRP-7KQ4-M2XD`.
        public var trackingNumber: String
        /// The citizen's bearer token for tracking; shown here only (and on an idempotent replay).
        public var accessToken: String
        /// `submitted`, or `awaiting_payment` when the request has a bill to pay first.
        public var status: RequestStatus
        /// The service's code.
        public var service: String
        /// The municipality's code.
        public var municipality: String
        /// How the request came in.
        public var channel: SubmissionChannel
        /// When it was filed.
        public var submittedAt: Date
        /// When the whole request is due; null while it awaits payment (its clock starts when the bill is paid).
        public var dueAt: Date?
        /// The service's SLA in working days, after the municipality's overlays.
        public var slaDays: Int
        /// The fee due, in `currency`, as a JSON number: kept for one release, read `amount` instead.
        public var fee: Decimal
        /// The fee as a decimal text with exactly the currency's decimals (`"12.500"`, `"2000"`).
        public var amount: String?
        /// The fee in the currency's minor units.
        public var amountMinor: Int64?
        /// ISO 4217.
        public var currency: String
        /// The bill to pay before the request is worked on, when the municipality collects the fee (docs/payments.md);
        /// null otherwise.
        public var bill: Payments.Bill?
        /// Every step, in stage then step order.
        public var steps: [Step]

        /// A receipt.
        public init(
            trackingNumber: String, accessToken: String, status: RequestStatus, service: String, municipality: String,
            channel: SubmissionChannel, submittedAt: Date, dueAt: Date?, slaDays: Int, fee: Decimal, currency: String,
            steps: [Step], bill: Payments.Bill? = nil
        ) {
            self.trackingNumber = trackingNumber
            self.accessToken = accessToken
            self.status = status
            self.service = service
            self.municipality = municipality
            self.channel = channel
            self.submittedAt = submittedAt
            self.dueAt = dueAt
            self.slaDays = slaDays
            self.fee = fee
            let money = Money(major: fee, currency: currency)
            self.amount = money?.amount
            self.amountMinor = money?.amountMinor
            self.currency = currency
            self.steps = steps
            self.bill = bill
        }

        enum CodingKeys: String, CodingKey {
            case status, service, municipality, channel, fee, amount, currency, steps, bill
            case amountMinor = "amount_minor"
            case trackingNumber = "tracking_number"
            case accessToken = "access_token"
            case submittedAt = "submitted_at"
            case dueAt = "due_at"
            case slaDays = "sla_days"
        }

        /// Writes `due_at` and `bill` as null rather than leaving them out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(trackingNumber, forKey: .trackingNumber)
            try container.encode(accessToken, forKey: .accessToken)
            try container.encode(status, forKey: .status)
            try container.encode(service, forKey: .service)
            try container.encode(municipality, forKey: .municipality)
            try container.encode(channel, forKey: .channel)
            try container.encode(submittedAt, forKey: .submittedAt)
            try container.encode(dueAt, forKey: .dueAt)
            try container.encode(slaDays, forKey: .slaDays)
            try container.encode(fee, forKey: .fee)
            try container.encodeIfPresent(amount, forKey: .amount)
            try container.encodeIfPresent(amountMinor, forKey: .amountMinor)
            try container.encode(currency, forKey: .currency)
            try container.encode(steps, forKey: .steps)
            try container.encode(bill, forKey: .bill)
        }

        /// One step of the workflow and its task.
        public struct Step: Codable, Sendable, Equatable {
            /// 1-based; steps of one stage run in parallel.
            public var stage: Int
            /// The step's number within its stage.
            public var step: Int
            /// The sector that acts.
            public var sector: String
            /// The office whose queue holds the task.
            public var office: String
            /// `open` for the first stage, `waiting` for later ones.
            public var status: TaskStatus
            /// The step's deadline once open; null while waiting.
            public var dueAt: Date?

            /// A step.
            public init(stage: Int, step: Int, sector: String, office: String, status: TaskStatus, dueAt: Date?) {
                self.stage = stage
                self.step = step
                self.sector = sector
                self.office = office
                self.status = status
                self.dueAt = dueAt
            }

            enum CodingKeys: String, CodingKey {
                case stage, step, sector, office, status
                case dueAt = "due_at"
            }

            /// Writes `due_at` as null while waiting rather than leaving it out.
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(stage, forKey: .stage)
                try container.encode(step, forKey: .step)
                try container.encode(sector, forKey: .sector)
                try container.encode(office, forKey: .office)
                try container.encode(status, forKey: .status)
                try container.encode(dueAt, forKey: .dueAt)
            }
        }
    }
}
