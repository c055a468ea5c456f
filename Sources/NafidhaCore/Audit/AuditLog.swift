import NafidhaContract
import Postgres

/// The audit trail: appends events (here) and verifies chains (`AuditLog+Verification.swift`). Writers go through
/// the database function `append_audit_event` (or the plain `INSERT` of docs/audit.md), which takes no lock on any
/// shared row: the event is stored unchained, and the sequencer (`AuditSequencer`) gives it its place in the
/// municipality's chain after the writer commits.
public enum AuditLog {
    /// One appended event. It has no place in the chain yet: the sequencer gives it one after the commit.
    public struct AppendedEvent: Sendable, Equatable {
        /// The event's id.
        public var id: Int64
    }

    /// Appends an unchained event inside the caller's transaction on `connection`.
    @discardableResult
    public static func append(
        on connection: PostgresConnection,
        municipality: String,
        actorKind: ActorKind,
        actor: String,
        action: AuditAction,
        requestID: Int64?,
        taskID: Int64? = nil,
        details: [String: JSONValue] = [:]
    ) throws -> AppendedEvent {
        let rows = try connection.queryPrepared(
            "SELECT id FROM append_audit_event($1, $2, $3, $4, $5, $6, $7::jsonb)",
            [
                municipality, actorKind.rawValue, actor, action.rawValue, requestID, taskID,
                JSONValue.object(details).canonicalText,
            ]
        )
        let row = rows[0]
        return AppendedEvent(id: try row.decode("id"))
    }
}
