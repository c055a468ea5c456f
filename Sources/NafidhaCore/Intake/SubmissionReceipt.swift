import Foundation

/// The answer to a successful submission (`201`): the tracking number and the one-time access token, the
/// request's status and deadline, and every step of its workflow.
public struct SubmissionReceipt: Sendable, Codable, Equatable {
    /// `TRP-7KQ4-M2XD`.
    public var trackingNumber: String
    /// The citizen's bearer token for tracking; shown here only (and on an idempotent replay).
    public var accessToken: String
    /// Always `submitted` at submission.
    public var status: String
    /// The service code.
    public var service: String
    /// The municipality code.
    public var municipality: String
    /// `api`, `open311` or `counter`.
    public var channel: String
    /// When the request was filed.
    public var submittedAt: Date
    /// When the whole request is due (service SLA in working days).
    public var dueAt: Date
    /// The service SLA in working days, after the municipality's overlays.
    public var slaDays: Int
    /// The fee due, in `currency`.
    public var fee: Decimal
    /// ISO 4217 currency of the fee.
    public var currency: String
    /// One entry per workflow step, in stage then step order.
    public var steps: [Step]

    /// One step of the workflow and its task.
    public struct Step: Sendable, Codable, Equatable {
        /// 1-based stage; steps of one stage run in parallel.
        public var stage: Int
        /// Step number within the stage.
        public var step: Int
        /// The sector that acts.
        public var sector: String
        /// The office whose queue holds the task.
        public var office: String
        /// `open` for the first stage, `waiting` for later ones.
        public var status: String
        /// The step's deadline once open; null while waiting.
        public var dueAt: Date?

        enum CodingKeys: String, CodingKey {
            case stage, step, sector, office, status
            case dueAt = "due_at"
        }

        /// Encodes `due_at` as null while waiting rather than leaving it out.
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

    enum CodingKeys: String, CodingKey {
        case trackingNumber = "tracking_number"
        case accessToken = "access_token"
        case status, service, municipality, channel
        case submittedAt = "submitted_at"
        case dueAt = "due_at"
        case slaDays = "sla_days"
        case fee, currency, steps
    }
}

/// A submission's outcome: the receipt, and whether it replays an earlier identical submission.
public struct SubmissionResult: Sendable, Equatable {
    /// The answer (for a replay, the first answer again).
    public var receipt: SubmissionReceipt
    /// True when the same Idempotency-Key and body had already created this request.
    public var replayed: Bool
}
