extension Decisions {
    /// The `decided` audit event as it was hashed (docs/audit.md, "Canonical bytes"): a verifier recomputes its
    /// leaf hash, SHA-256(0x00 ‖ canonical bytes), from these fields. `details` is the stored canonical JSON text.
    public struct Event: Codable, Sendable, Equatable {
        /// The chain's municipality.
        public var municipalityCode: String
        /// The event's place in the chain, from 1; its leaf index in the log is `seq − 1`.
        public var seq: Int64
        /// UTC with microseconds, 27 characters: `2026-03-01T08:15:00.000000Z`.
        public var occurredAt: String
        /// `system`.
        public var actorKind: String
        /// `nafidha`.
        public var actor: String
        /// `decided`.
        public var action: String
        /// The request's id.
        public var requestID: Int64?
        /// Always null for a decision.
        public var taskID: Int64?
        /// The canonical JSON text of the facts, as hashed.
        public var details: String

        /// An event from its stored fields.
        public init(
            municipalityCode: String, seq: Int64, occurredAt: String, actorKind: String, actor: String,
            action: String, requestID: Int64?, taskID: Int64?, details: String
        ) {
            self.municipalityCode = municipalityCode
            self.seq = seq
            self.occurredAt = occurredAt
            self.actorKind = actorKind
            self.actor = actor
            self.action = action
            self.requestID = requestID
            self.taskID = taskID
            self.details = details
        }

        enum CodingKeys: String, CodingKey {
            case seq, actor, action, details
            case municipalityCode = "municipality_code"
            case occurredAt = "occurred_at"
            case actorKind = "actor_kind"
            case requestID = "request_id"
            case taskID = "task_id"
        }

        /// Writes `request_id` and `task_id` as null when absent: every hashed field is present in the document.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(municipalityCode, forKey: .municipalityCode)
            try container.encode(seq, forKey: .seq)
            try container.encode(occurredAt, forKey: .occurredAt)
            try container.encode(actorKind, forKey: .actorKind)
            try container.encode(actor, forKey: .actor)
            try container.encode(action, forKey: .action)
            try container.encode(requestID, forKey: .requestID)
            try container.encode(taskID, forKey: .taskID)
            try container.encode(details, forKey: .details)
        }
    }
}
