import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing
import Transparency

/// The chain check — the database's `audit_verify_chain` and the independent Swift verifier — detects events
/// edited, deleted or reordered by a superuser who bypasses the append-only triggers.
@Suite("Audit chain verification")
struct AuditChainTests {
    /// A Benghazi chain of a few events made by real workflow changes, then `tamper` run as the superuser with
    /// triggers off; returns what SQL and Swift say about the chain.
    func verdicts(
        after tamper: (PostgresConnection) throws -> Void
    ) throws -> (sql: AuditLog.Verification, swift: AuditChainVerifier.Verdict) {
        try TestDatabase.withDemoCatalog { database in
            let harness = WorkflowHarness(database: database)
            defer { harness.pool.close() }
            let request = try harness.file("building_permit", in: "BEN")
            let clerk = StaffMember.testing("amal.t")
            let task = try harness.tasks(of: request)[0]
            _ = try harness.engine.claim(task: task.id, by: clerk)
            _ = try harness.engine.requestInformation(task: task.id, by: clerk, message: "Plan «B»?\n\"Quoted\" \\ é")
            try harness.engine.reply(for: try harness.citizen(request), message: "Voilà", fields: ["n": .number(-3)])
            _ = try harness.engine.approve(task: task.id, by: clerk)
            try sequenceAudit(database)
            let superuser = try database.connect()
            try superuser.execute("SET session_replication_role = replica")
            try tamper(superuser)
            try superuser.execute("RESET session_replication_role")
            return (
                try AuditLog.verify(municipality: "BEN", on: superuser),
                try AuditLog.verifyIndependently(municipality: "BEN", on: superuser)
            )
        }
    }

    @Test("an untouched chain is intact for SQL and for the Swift verifier")
    func intactChain() throws {
        let (sql, swift) = try verdicts { _ in }
        #expect(sql.intact)
        #expect(swift.intact)
        #expect(sql.eventsChecked == 7)
        #expect(swift.eventsChecked == 7)
    }

    @Test("an edited event breaks its own hash")
    func editedEvent() throws {
        let (sql, swift) = try verdicts { connection in
            try connection.execute(
                "UPDATE audit_events SET actor = 'someone.else' WHERE municipality_code = 'BEN' AND seq = 4")
        }
        #expect(sql.problem == "hash_mismatch" && sql.brokenSequence == 4)
        #expect(swift.problem == "hash_mismatch" && swift.brokenSequence == 4)
    }

    @Test("a deleted event leaves a sequence gap")
    func deletedEvent() throws {
        let (sql, swift) = try verdicts { connection in
            try connection.execute("DELETE FROM audit_events WHERE municipality_code = 'BEN' AND seq = 3")
        }
        #expect(sql.problem == "sequence_gap")
        #expect(swift.problem == "sequence_gap" && swift.eventsChecked == 2)
    }

    @Test("two events swapped break the previous-hash link")
    func reorderedEvents() throws {
        let (sql, swift) = try verdicts { connection in
            try connection.execute("UPDATE audit_events SET seq = 1000 WHERE municipality_code = 'BEN' AND seq = 2")
            try connection.execute("UPDATE audit_events SET seq = 2 WHERE municipality_code = 'BEN' AND seq = 3")
            try connection.execute("UPDATE audit_events SET seq = 3 WHERE municipality_code = 'BEN' AND seq = 1000")
        }
        #expect(sql.problem == "previous_hash_mismatch" && sql.brokenSequence == 2)
        #expect(swift.problem == "previous_hash_mismatch" && swift.brokenSequence == 2)
    }

    @Test("a cut tail no longer reaches the recorded head")
    func cutTail() throws {
        let (sql, swift) = try verdicts { connection in
            try connection.execute("DELETE FROM audit_events WHERE municipality_code = 'BEN' AND seq = 7")
        }
        #expect(sql.problem == "head_mismatch")
        #expect(swift.problem == "head_mismatch")
    }
}

/// The Swift verifier on exported events alone, as an auditor runs it offline.
@Suite("Offline audit verification")
struct OfflineAuditVerificationTests {
    /// Chains events with the given details texts, hashing exactly as docs/audit.md says.
    func chain(_ details: [String]) -> [AuditExportedEvent] {
        var previous = [UInt8](repeating: 0, count: 32)
        return details.enumerated().map { offset, text in
            var event = AuditExportedEvent(
                id: Int64(offset + 1), municipalityCode: "TRP", seq: Int64(offset + 1),
                occurredAt: "2026-03-01T08:15:0\(offset).000000Z",
                actorKind: "clerk", actor: "amal.t", action: "approved", requestID: 42, taskID: offset == 0 ? nil : 7,
                details: text, prevHash: Hex.encode(previous), hash: ""
            )
            let hash = SHA256.hash(previous + event.canonicalBytes)
            event.hash = Hex.encode(hash)
            previous = hash
            return event
        }
    }

    @Test("canonical bytes are length-prefixed UTF-8 fields with FF FF FF FF for NULL")
    func canonicalBytesLayout() {
        let event = chain(["{}"])[0]
        let bytes = event.canonicalBytes
        #expect(Array(bytes.prefix(20)) == [0, 0, 0, 16] + Array("nafidha-audit-v1".utf8))
        #expect(Array(bytes.suffix(10)) == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2, UInt8(ascii: "{"), UInt8(ascii: "}")])
    }

    @Test("a chain of canonical events verifies, with the head it ends on")
    func canonicalChainVerifies() {
        let events = chain([
            "{}", #"{"a":"é\n\u001f","b":[1,-2,true,null],"c":{"z":0}}"#, #"{"reason":"Plan \"B\" \\ ok"}"#,
        ])
        let verdict = AuditChainVerifier.verify(events, anchor: (seq: 2, hash: events[1].hash))
        #expect(verdict.intact)
        #expect(verdict.eventsChecked == 3)
        #expect(verdict.headHash == events[2].hash)
    }

    @Test("details that are not canonical JSON are reported even when their hash holds")
    func nonCanonicalDetails() {
        for details in [
            #"{"b":1,"a":2}"#, #"{"a": 1}"#, #"{"a":1.5}"#, #"{"a":1e3}"#, #"{"a":"\u00e9"}"#, #"{"a":-0}"#,
        ] {
            let verdict = AuditChainVerifier.verify(chain(["{}", details]))
            #expect(verdict.problem == "details_not_canonical", "\(details)")
            #expect(verdict.brokenSequence == 2)
        }
    }

    @Test("an anchor the chain no longer passes through is reported")
    func missingAnchor() {
        let verdict = AuditChainVerifier.verify(
            chain(["{}", "{}"]), anchor: (seq: 2, hash: String(repeating: "ab", count: 32)))
        #expect(!verdict.intact)
        #expect(verdict.problem == "anchor_missing")
    }

    @Test("time running backwards is reported")
    func timeBackwards() {
        var events = chain(["{}", "{}"])
        events[1].occurredAt = "2026-03-01T08:00:00.000000Z"
        var previous = SHA256.hash(Array(repeating: 0, count: 32) + events[0].canonicalBytes)
        previous = SHA256.hash(previous + events[1].canonicalBytes)
        events[1].hash = Hex.encode(previous)
        #expect(AuditChainVerifier.verify(events).problem == "time_went_backwards")
    }
}
