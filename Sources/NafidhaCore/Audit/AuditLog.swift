import NafidhaContract
import Postgres

/// The audit trail: appends events and verifies chains. Writers go through the database function
/// `append_audit_event` (or the plain `INSERT` of docs/audit.md), which takes no lock on any shared row: the event
/// is stored unchained, and the sequencer (`AuditSequencer`) gives it its place in the municipality's chain after
/// the writer commits.
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

    /// The result of recomputing one municipality's chain.
    public struct Verification: Sendable, Equatable {
        /// The municipality whose chain was checked.
        public var municipality: String
        /// True when every link and the head agree.
        public var intact: Bool
        /// Events checked before the first broken link (all of them when intact).
        public var eventsChecked: Int64
        /// The sequence number of the first broken link, if any.
        public var brokenSequence: Int64?
        /// The id of the first broken event, if any.
        public var brokenEventID: Int64?
        /// `sequence_gap`, `previous_hash_mismatch`, `hash_mismatch` or `head_mismatch` when broken.
        public var problem: String?
        /// Committed events of the municipality still waiting for the sequencer, not part of the chain checked.
        public var unchainedEvents: Int64
    }

    /// Recomputes `municipality`'s chain from the stored (chained) events and names the first broken link.
    public static func verify(municipality: String, on connection: PostgresConnection) throws -> Verification {
        let row = try connection.query(
            """
            SELECT v.intact, v.events_checked, v.broken_seq, v.broken_event_id, v.problem,
                   (SELECT count(*) FROM audit_events WHERE municipality_code = $1 AND seq IS NULL) AS unchained
              FROM audit_verify_chain($1) v
            """,
            [municipality]
        )[0]
        return Verification(
            municipality: municipality,
            intact: try row.decode("intact"),
            eventsChecked: try row.decode("events_checked"),
            brokenSequence: try row.decode("broken_seq"),
            brokenEventID: try row.decode("broken_event_id"),
            problem: try row.decode("problem"),
            unchainedEvents: try row.decode("unchained")
        )
    }

    /// Verifies every municipality's chain, in code order.
    public static func verifyAll(on connection: PostgresConnection) throws -> [Verification] {
        let codes = try connection.query("SELECT code FROM municipalities ORDER BY code").map {
            try $0.decode("code", as: String.self)
        }
        return try codes.map { try verify(municipality: $0, on: connection) }
    }
}
