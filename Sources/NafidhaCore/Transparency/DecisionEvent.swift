import NafidhaContract
import Postgres
import Transparency

/// A request's `decided` audit event: appended by the workflow engine when it decides the request, read back for
/// its decision document.
enum DecisionEvent {
    /// Appends the `decided` event of request `requestID`, decided by the caller's transaction on `connection`
    /// (database function `append_decision_event`): its details are `decision_facts`, the request as decided.
    static func append(requestID: Int64, on connection: PostgresConnection) throws {
        try connection.executePrepared("SELECT append_decision_event($1)", [requestID])
    }

    /// The columns `event(from:)` reads, of `audit_events` under the alias `e`.
    static let columns = """
        e.municipality_code, e.seq, audit_time_text(e.occurred_at) AS occurred_text, e.actor_kind, e.actor,
        e.action, e.request_id, e.task_id, e.details
        """

    /// The event of a row of `columns`, or nil while it waits for the sequencer (no `seq` yet).
    static func event(from row: PostgresRow) throws -> Decisions.Event? {
        guard let seq = try row.decode("seq", as: Int64?.self),
            let occurredAt = try row.decode("occurred_text", as: String?.self)
        else { return nil }
        return Decisions.Event(
            municipalityCode: try row.decode("municipality_code"), seq: seq, occurredAt: occurredAt,
            actorKind: try row.decode("actor_kind"), actor: try row.decode("actor"), action: try row.decode("action"),
            requestID: try row.decode("request_id"), taskID: try row.decode("task_id"),
            details: try row.decode("details"))
    }
}

extension Decisions.Event {
    /// The canonical bytes of docs/audit.md (version `nafidha-audit-v1`), what `audit_event_bytes` computes in SQL.
    public var canonicalBytes: [UInt8] {
        AuditCanonicalBytes.of(
            municipalityCode: municipalityCode, seq: seq, occurredAt: occurredAt, actorKind: actorKind, actor: actor,
            action: action, requestID: requestID, taskID: taskID, details: details)
    }

    /// The event's leaf hash in its municipality's log: SHA-256(0x00 ‖ canonical bytes).
    public var leafHash: MerkleHash { .leaf(canonicalBytes) }
}
