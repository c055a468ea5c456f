import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The database refuses every change to the trail but one: the sequencer's chaining of an unchained event, exactly
/// where the chain head says. These run as the tables' owner, so only the triggers stand in the way.
@Suite("Audit trail append-only rules")
struct AuditAppendOnlyTests {
    /// The SQLSTATE `sql` fails with, then the message; nil when it succeeds.
    static func failure(_ sql: String, on connection: PostgresConnection) -> String? {
        do {
            try connection.execute(sql)
            return nil
        } catch {
            return "\(error.sqlState ?? "no SQLSTATE") \(error.message)"
        }
    }

    /// True when `sql` is refused as a privilege violation (42501), the append-only triggers' answer.
    static func refused(_ sql: String, on connection: PostgresConnection) -> Bool {
        failure(sql, on: connection)?.hasPrefix("42501 ") == true
    }

    /// An UPDATE chaining unchained event `id` where its head says, hashed correctly, with any part replaced
    /// (expressions over the event `e` and its head `h`; `hash` may use the link `x`).
    static func link(
        _ id: Int64, seq: String = "h.last_seq + 1", prevHash: String = "h.last_hash",
        occurredAt: String = "greatest(e.occurred_at, h.last_occurred_at)",
        hash: String = "sha256(x.prev_hash || audit_event_bytes(x.event))", also: String = ""
    ) -> String {
        """
        UPDATE audit_events t SET seq = x.seq, prev_hash = x.prev_hash, occurred_at = x.occurred_at,
               hash = \(hash)\(also)
          FROM (SELECT e.id, \(seq) AS seq, \(prevHash) AS prev_hash, \(occurredAt) AS occurred_at,
                       ROW(e.id, e.municipality_code, \(seq), \(occurredAt), e.actor_kind, e.actor, e.action,
                           e.request_id, e.task_id, e.details, \(prevHash), NULL)::audit_events AS event
                  FROM audit_events e JOIN audit_chain_heads h ON h.municipality_code = e.municipality_code
                 WHERE e.id = \(id)) x
         WHERE t.id = x.id
        """
    }

    @Test("a chained event can never change, nor be deleted")
    func chainedEventsNeverChange() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try AuditSequencerTests.append(2, to: "TRP", on: connection)
            try sequenceAudit(on: connection)
            for statement in [
                "UPDATE audit_events SET actor = 'someone.else' WHERE seq = 1",
                "UPDATE audit_events SET seq = seq WHERE seq = 2",
                "UPDATE audit_events SET hash = hash, prev_hash = prev_hash WHERE seq = 2",
                "UPDATE audit_events SET occurred_at = occurred_at - interval '1 day' WHERE seq = 1",
                "UPDATE audit_events SET id = DEFAULT WHERE seq = 1",
                "DELETE FROM audit_events WHERE seq = 2",
                "UPDATE audit_chain_heads SET last_seq = last_seq + 1",
            ] {
                #expect(Self.refused(statement, on: connection), "\(statement)")
            }
            try AuditSequencerTests.expectIntact("TRP", count: 2, on: connection)
        }
    }

    @Test("an unchained event changes only by being chained exactly where the head says")
    func forgedLinksAreRefused() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try AuditSequencerTests.append(1, to: "BEN", on: connection)
            try sequenceAudit(on: connection)
            let id = try AuditLog.append(
                on: connection, municipality: "BEN", actorKind: .clerk, actor: "amal.t", action: .approved,
                requestID: nil
            ).id
            for forgery in [
                "UPDATE audit_events SET actor = 'someone.else' WHERE id = \(id)",
                Self.link(id, also: ", actor = 'someone.else'"),
                Self.link(id, also: ", details = '{\"forged\":true}'"),
                Self.link(id, seq: "h.last_seq + 2"),
                Self.link(id, prevHash: "sha256('x')"),
                Self.link(id, occurredAt: "e.occurred_at + interval '1 hour'"),
                Self.link(id, hash: "sha256('x')"),
                "UPDATE audit_events SET seq = 2, prev_hash = sha256('a'), hash = sha256('b') WHERE id = \(id)",
                "DELETE FROM audit_events WHERE id = \(id)",
            ] {
                #expect(Self.refused(forgery, on: connection), "\(forgery)")
            }
            #expect(try AuditSequencerTests.chain("BEN", on: connection).unchained == 1)

            // The head's own link, written by hand: accepted, and the chain verifies.
            #expect(Self.failure(Self.link(id), on: connection) == nil)
            try AuditSequencerTests.expectIntact("BEN", count: 2, on: connection)
        }
    }

    @Test("an insert chooses neither its place in the chain nor its time")
    func insertsAreUnchainedAndStamped() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            let insert = "INSERT INTO audit_events (municipality_code, actor_kind, actor, action, details"
            for forgery in [
                insert + ", seq) VALUES ('TRP', 'system', 'nafidha', 'escalated', '{}', 1)",
                insert + ", prev_hash, hash) VALUES ('TRP', 'system', 'nafidha', 'escalated', '{}', "
                    + "decode(repeat('00', 32), 'hex'), sha256('x'))",
            ] {
                #expect(Self.refused(forgery, on: connection), "\(forgery)")
            }
            try connection.execute(
                insert + ", occurred_at) VALUES ('TRP', 'system', 'nafidha', 'escalated', '{}', '2001-01-01Z')")
            let stamped: Date = try connection.query("SELECT occurred_at FROM audit_events")[0].decode("occurred_at")
            #expect(abs(stamped.timeIntervalSinceNow) < 3600)
        }
    }

    @Test("one statement may insert a request and its events in data-modifying CTEs, as the writer contract says")
    func writerContractStatement() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try connection.execute(
                """
                WITH r AS (
                    INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code,
                                          applicant_name, fields, channel, workflow)
                    VALUES ('TRP-7KQ4-M2XD', sha256('t'::bytea), 'residence_certificate', 'TRP', 'Amal', '{}', 'api',
                            '{}')
                    RETURNING id, municipality_code, tracking_number
                )
                INSERT INTO audit_events (municipality_code, actor_kind, actor, action, request_id, details)
                SELECT municipality_code, 'citizen', tracking_number, 'submitted', id,
                       audit_canonical_json($1::jsonb)
                  FROM r
                """,
                [#"{"service": "residence_certificate", "channel": "api"}"#]
            )
            #expect(try sequenceAudit(on: connection) == 1)
            try AuditSequencerTests.expectIntact("TRP", count: 1, on: connection)
        }
    }

    @Test("the link trigger compares every column but the four chaining ones")
    func linkTriggerCoversEveryColumn() throws {
        try TestDatabase.withDemoCatalog { database in
            // A column added to audit_events must be added to audit_events_link's comparison; this list then
            // changes with it.
            let columns = try database.connect().query(
                """
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = 'audit_events' ORDER BY ordinal_position
                """
            ).map { try $0.decode("column_name", as: String.self) }
            #expect(
                columns == [
                    "id", "municipality_code", "seq", "occurred_at", "actor_kind", "actor", "action", "request_id",
                    "task_id", "details", "prev_hash", "hash",
                ])
        }
    }
}
