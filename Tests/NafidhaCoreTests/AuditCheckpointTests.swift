import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Live verification from the last checkpoint: a repeat walks only what was chained since, `full` walks from
/// genesis again, and a break on either side of the checkpoint is found by the call that walks over it.
@Suite("Audit checkpoints")
struct AuditCheckpointTests {
    /// Appends `count` chained events to `municipality` through the writers' path and the sequencer.
    private func append(_ count: Int, to municipality: String, on connection: PostgresConnection) throws {
        for _ in 0..<count {
            try AuditLog.append(
                on: connection, municipality: municipality, actorKind: .system, actor: "nafidha", action: .escalated,
                requestID: nil)
        }
        try sequenceAudit(on: connection)
    }

    /// The checkpoint row of `municipality`, as `seq` and hex hash.
    private func checkpoint(_ municipality: String, on connection: PostgresConnection) throws -> (Int64, String)? {
        try connection.query(
            "SELECT seq, encode(hash, 'hex') AS h FROM audit_checkpoints WHERE municipality_code = $1", [municipality]
        ).first.map { (try $0.decode("seq"), try $0.decode("h")) }
    }

    /// Runs `change` as superuser with the audit triggers off: what a database administrator could do.
    private func tamper(_ database: TestDatabase, _ change: String) throws {
        let superuser = try database.connect()
        try superuser.runTrustedScript("SET session_replication_role = replica;\n" + change)
    }

    @Test("a repeat verification walks only the events chained since the checkpoint the last one left")
    func incremental() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try append(5, to: "TRP", on: connection)
            let first = try AuditLog.verify(municipality: "TRP", on: connection)
            #expect(first.intact && first.fromSeq == 0 && first.eventsChecked == 5 && first.headSeq == 5)
            let head: String = try connection.query(
                "SELECT encode(last_hash, 'hex') AS h FROM audit_chain_heads WHERE municipality_code = 'TRP'"
            )[0].decode("h")
            #expect(first.headHash == head)
            #expect(try checkpoint("TRP", on: connection)! == (5, head))

            try append(3, to: "TRP", on: connection)
            let second = try AuditLog.verify(municipality: "TRP", on: connection)
            #expect(second.intact && second.fromSeq == 5 && second.eventsChecked == 3 && second.headSeq == 8)
            #expect(try checkpoint("TRP", on: connection)?.0 == 8)
            let nothingNew = try AuditLog.verify(municipality: "TRP", on: connection)
            #expect(nothingNew.intact && nothingNew.fromSeq == 8 && nothingNew.eventsChecked == 0)
            let full = try AuditLog.verify(municipality: "TRP", full: true, on: connection)
            #expect(full.intact && full.fromSeq == 0 && full.eventsChecked == 8 && full.headSeq == 8)
            let empty = try AuditLog.verify(municipality: "ABS", on: connection)
            #expect(empty.intact && empty.eventsChecked == 0 && empty.headSeq == 0)
            #expect(try checkpoint("ABS", on: connection) == nil, "an empty chain leaves no checkpoint")
        }
    }

    @Test("an event edited before the checkpoint escapes the normal call, full=true finds it, and so do later calls")
    func tamperedBeforeCheckpoint() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try append(6, to: "BEN", on: connection)
            #expect(try AuditLog.verify(municipality: "BEN", on: connection).headSeq == 6)
            try tamper(database, "UPDATE audit_events SET actor = 'x' WHERE municipality_code = 'BEN' AND seq = 3")

            let normal = try AuditLog.verify(municipality: "BEN", on: connection)
            #expect(normal.intact && normal.eventsChecked == 0, "the normal call walks only after seq 6")
            let full = try AuditLog.verify(municipality: "BEN", full: true, on: connection)
            #expect(!full.intact && full.problem == "hash_mismatch" && full.brokenSequence == 3)
            #expect(full.eventsChecked == 2 && full.headSeq == nil)
            #expect(try checkpoint("BEN", on: connection) == nil, "the checkpoint past the break is gone")
            let after = try AuditLog.verify(municipality: "BEN", on: connection)
            #expect(!after.intact && after.problem == "hash_mismatch" && after.brokenSequence == 3)
        }
    }

    @Test("an event edited after the checkpoint is found by the normal call, which leaves the checkpoint alone")
    func tamperedAfterCheckpoint() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try append(4, to: "BEN", on: connection)
            _ = try AuditLog.verify(municipality: "BEN", on: connection)
            try append(3, to: "BEN", on: connection)
            try tamper(database, "UPDATE audit_events SET actor = 'x' WHERE municipality_code = 'BEN' AND seq = 6")

            let normal = try AuditLog.verify(municipality: "BEN", on: connection)
            #expect(!normal.intact && normal.problem == "hash_mismatch" && normal.brokenSequence == 6)
            #expect(normal.fromSeq == 4 && normal.eventsChecked == 1)
            #expect(try checkpoint("BEN", on: connection)?.0 == 4)
        }
    }

    @Test("a chain cut below its checkpoint, head wound back: head_mismatch normally, checkpoint_missing in full")
    func cutBelowCheckpoint() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try append(5, to: "TRP", on: connection)
            _ = try AuditLog.verify(municipality: "TRP", on: connection)
            try tamper(
                database,
                """
                DELETE FROM audit_events WHERE municipality_code = 'TRP' AND seq > 3;
                UPDATE audit_chain_heads h SET last_seq = 3, last_hash = e.hash, last_occurred_at = e.occurred_at
                  FROM audit_events e WHERE e.municipality_code = 'TRP' AND e.seq = 3 AND h.municipality_code = 'TRP';
                """)
            let normal = try AuditLog.verify(municipality: "TRP", on: connection)
            #expect(!normal.intact && normal.problem == "head_mismatch" && normal.brokenSequence == 3)
            let full = try AuditLog.verify(municipality: "TRP", full: true, on: connection)
            #expect(!full.intact && full.problem == "checkpoint_missing" && full.brokenSequence == 5)
            #expect(try checkpoint("TRP", on: connection)?.0 == 5, "the checkpoint stays as evidence")
        }
    }

    @Test("a checkpoint must name a chained event and its hash")
    func checkpointNamesAnEvent() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try append(2, to: "TRP", on: connection)
            for (seq, hash) in [
                (3, "(SELECT hash FROM audit_events WHERE seq = 2 AND municipality_code = 'TRP')"),
                (2, "sha256('forged')"),
            ] {
                let error = #expect(throws: PostgresError.self) {
                    try connection.execute(
                        "INSERT INTO audit_checkpoints (municipality_code, seq, hash) VALUES ('TRP', \(seq), \(hash))")
                }
                #expect(error?.sqlState == "23514")
            }
        }
    }

    @Test("the one-argument audit_verify_chain still walks the whole chain and says the same as before")
    func wholeChainFunction() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try append(3, to: "SEB", on: connection)
            _ = try AuditLog.verify(municipality: "SEB", on: connection)
            let row = try connection.query("SELECT * FROM audit_verify_chain('SEB')")[0]
            #expect(try row.decode("intact", as: Bool.self) && row.decode("events_checked", as: Int64.self) == 3)
        }
    }

    @Test("long generated chains verify in SQL and in Swift, and the sequencer chains after them")
    func generatedChain() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try append(2, to: "TRP", on: connection)
            try AuditChainGenerator.append(500, to: "TRP", on: connection)
            try append(1, to: "TRP", on: connection)
            let sql = try AuditLog.verify(municipality: "TRP", full: true, on: connection)
            let swift = try AuditLog.verifyIndependently(municipality: "TRP", on: connection)
            #expect(sql.intact && sql.eventsChecked == 503)
            #expect(swift.intact && swift.eventsChecked == 503)
        }
    }
}
