/// One audit event as the `audit_event_export` view (and an auditor's JSON-lines export) presents it: times as
/// 27-character UTC text, hashes as lowercase hex. Everything the independent verifier needs, nothing more.
public struct AuditExportedEvent: Sendable, Codable, Equatable {
    /// The event's id in the database (not hashed: the chain is ordered by `seq`).
    public var id: Int64
    /// The chain's municipality.
    public var municipalityCode: String
    /// Position in the chain, from 1.
    public var seq: Int64
    /// `2026-03-01T08:15:00.000000Z`.
    public var occurredAt: String
    /// `citizen`, `clerk`, `auditor` or `system`.
    public var actorKind: String
    /// Who acted.
    public var actor: String
    /// What was done.
    public var action: String
    /// The request concerned, if any.
    public var requestID: Int64?
    /// The step concerned, if any.
    public var taskID: Int64?
    /// The canonical JSON text that was hashed.
    public var details: String
    /// The previous event's hash, hex.
    public var prevHash: String
    /// This event's hash, hex.
    public var hash: String

    /// Creates an event from its exported fields.
    public init(
        id: Int64, municipalityCode: String, seq: Int64, occurredAt: String, actorKind: String, actor: String,
        action: String,
        requestID: Int64?, taskID: Int64?, details: String, prevHash: String, hash: String
    ) {
        self.id = id
        self.municipalityCode = municipalityCode
        self.seq = seq
        self.occurredAt = occurredAt
        self.actorKind = actorKind
        self.actor = actor
        self.action = action
        self.requestID = requestID
        self.taskID = taskID
        self.details = details
        self.prevHash = prevHash
        self.hash = hash
    }

    enum CodingKeys: String, CodingKey {
        case id, seq, actor, action, details, hash
        case municipalityCode = "municipality_code"
        case occurredAt = "occurred_at"
        case actorKind = "actor_kind"
        case requestID = "request_id"
        case taskID = "task_id"
        case prevHash = "prev_hash"
    }

    /// The canonical bytes of docs/audit.md (version `nafidha-audit-v1`): ten length-prefixed UTF-8 fields.
    public var canonicalBytes: [UInt8] {
        AuditCanonicalBytes.of(
            municipalityCode: municipalityCode, seq: seq, occurredAt: occurredAt, actorKind: actorKind, actor: actor,
            action: action, requestID: requestID, taskID: taskID, details: details)
    }
}
