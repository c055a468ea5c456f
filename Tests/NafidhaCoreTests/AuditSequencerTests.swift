import Foundation
import NafidhaCore
import Postgres
import Synchronization
import TestSupport
import Testing

/// Writers append unchained events without waiting on each other; the sequencer chains them afterwards, one
/// sequencer at a time, and a sequencer that dies mid-batch leaves no gap, no fork and nothing chained twice.
@Suite("Audit sequencer")
struct AuditSequencerTests {
    /// Appends `count` events to `municipality` in `count` one-statement transactions.
    static func append(_ count: Int, to municipality: String, on connection: PostgresConnection) throws {
        for index in 0..<count {
            try AuditLog.append(
                on: connection, municipality: municipality, actorKind: .clerk, actor: "amal.t", action: .approved,
                requestID: nil, details: ["n": .number(Double(index))])
        }
    }

    /// Inserts `count` unchained events to `municipality` in one statement (the writers' plain INSERT).
    static func insert(_ count: Int, to municipality: String, on connection: PostgresConnection) throws {
        try connection.execute(
            """
            INSERT INTO audit_events (municipality_code, actor_kind, actor, action, details)
            SELECT $1, 'system', 'nafidha', 'escalated', '{"n":' || g || '}' FROM generate_series(1, $2::int) g
            """,
            [municipality, count]
        )
    }

    /// `seq` of `municipality`'s chained events in order, and how many of its events are unchained.
    static func chain(_ municipality: String, on connection: PostgresConnection) throws -> (
        seqs: [Int64], unchained: Int64
    ) {
        let seqs = try connection.query(
            "SELECT seq FROM audit_events WHERE municipality_code = $1 AND seq IS NOT NULL ORDER BY seq",
            [municipality]
        ).map { try $0.decode("seq", as: Int64.self) }
        let unchained: Int64 = try connection.query(
            "SELECT count(*) AS n FROM audit_events WHERE municipality_code = $1 AND seq IS NULL", [municipality]
        )[0].decode("n")
        return (seqs, unchained)
    }

    /// Both verifiers agree that `municipality`'s chain is intact with `count` events.
    static func expectIntact(_ municipality: String, count: Int64, on connection: PostgresConnection) throws {
        let sql = try AuditLog.verify(municipality: municipality, full: true, on: connection)
        let swift = try AuditLog.verifyIndependently(municipality: municipality, on: connection)
        #expect(sql.intact && sql.eventsChecked == count, "\(municipality): \(sql)")
        #expect(swift.intact && swift.eventsChecked == count, "\(municipality): \(swift)")
        #expect(try chain(municipality, on: connection).seqs == (0..<count).map { $0 + 1 })
    }

    @Test("appended events are unchained until sequenced, then chained in the order they were written")
    func appendThenSequence() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            let appended = try AuditLog.append(
                on: connection, municipality: "TRP", actorKind: .system, actor: "nafidha", action: .escalated,
                requestID: nil)
            let stored = try connection.query(
                "SELECT seq, prev_hash, hash FROM audit_events WHERE id = $1",
                [
                    appended.id
                ])[0]
            #expect(try stored.decode("seq", as: Int64?.self) == nil)
            #expect(try stored.decode("hash", as: [UInt8]?.self) == nil)
            try Self.append(2, to: "TRP", on: connection)
            #expect(try AuditLog.verify(municipality: "TRP", on: connection).unchainedEvents == 3)

            #expect(try sequenceAudit(on: connection) == 3)
            let ids = try connection.query("SELECT id FROM audit_events WHERE municipality_code = 'TRP' ORDER BY seq")
                .map { try $0.decode("id", as: Int64.self) }
            #expect(ids == ids.sorted() && ids.first == appended.id)
            try Self.expectIntact("TRP", count: 3, on: connection)
            #expect(try AuditLog.verify(municipality: "TRP", on: connection).unchainedEvents == 0)
        }
    }

    @Test("eight writers in two municipalities and two sequencer threads at once give two intact chains")
    func concurrentWritersAndSequencers() throws {
        try TestDatabase.withDemoCatalog { database in
            var settings = AuditSequencerThread.Settings()
            settings.pollInterval = .milliseconds(20)
            settings.batchSize = 7
            let failures = FailureLog()
            let sequencers = (0..<2).map { _ in
                AuditSequencerThread(conninfo: database.conninfo, settings: settings) { failures.add($0) }
            }
            for sequencer in sequencers { sequencer.start() }
            let errors = FailureLog()
            DispatchQueue.concurrentPerform(iterations: 8) { writer in
                do {
                    let connection = try database.connect()
                    for index in 0..<25 {
                        // Two events per transaction, sometimes in both municipalities, like a real change.
                        try connection.withTransaction { connection in
                            try Self.append(1, to: writer.isMultiple(of: 2) ? "TRP" : "BEN", on: connection)
                            try Self.append(1, to: index.isMultiple(of: 3) ? "BEN" : "TRP", on: connection)
                        }
                    }
                } catch {
                    errors.add(error)
                }
            }
            for sequencer in sequencers { sequencer.stop() }
            #expect(errors.all.isEmpty, "\(errors.all)")
            #expect(failures.all.isEmpty, "\(failures.all)")

            let connection = try database.connect()
            try sequenceAudit(on: connection)
            let trp = try Self.chain("TRP", on: connection)
            let ben = try Self.chain("BEN", on: connection)
            #expect(trp.seqs.count + ben.seqs.count == 400)
            #expect(trp.unchained == 0 && ben.unchained == 0)
            try Self.expectIntact("TRP", count: Int64(trp.seqs.count), on: connection)
            try Self.expectIntact("BEN", count: Int64(ben.seqs.count), on: connection)
        }
    }

    @Test("a sequencer terminated mid-batch chains nothing of it; the next run chains everything once")
    func terminatedMidBatch() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try Self.append(5, to: "TRP", on: connection)
            try sequenceAudit(on: connection)
            let before = try connection.query(
                "SELECT last_seq, last_hash FROM audit_chain_heads WHERE municipality_code = 'TRP'")[0]
            try Self.insert(4000, to: "TRP", on: connection)

            // The doomed sequencer runs on a thread of its own, with its own connection, and says who it is.
            let pid = Shared<Int32>()
            let outcome = Shared<String>()
            let batch = Thread {
                do {
                    let doomed = try database.connect()
                    pid.set(try doomed.query("SELECT pg_backend_pid() AS pid")[0].decode("pid"))
                    _ = try AuditSequencer.chainBatch(limit: 4000, on: doomed)
                    outcome.set("finished")
                } catch {
                    outcome.set("failed")
                }
            }
            batch.start()
            let admin = try database.connect()
            // Terminate once the batch has written (it then holds a transaction id): its updates are visible to
            // no one else, but that lock shows it is under way.
            var terminated = false
            for _ in 0..<3000 where !terminated && outcome.value == nil {
                let active: Int64 =
                    if let pid = pid.value {
                        try admin.query(
                            """
                            SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                             WHERE l.pid = $1 AND l.locktype = 'transactionid' AND a.state = 'active'
                               AND a.query LIKE '%audit_chain_pending%'
                            """, [pid]
                        )[0].decode("n")
                    } else { 0 }
                if let pid = pid.value, active > 0 {
                    Thread.sleep(forTimeInterval: 0.02)
                    terminated = try admin.query("SELECT pg_terminate_backend($1) AS t", [pid])[0].decode("t")
                } else {
                    Thread.sleep(forTimeInterval: 0.005)
                }
            }
            while outcome.value == nil { Thread.sleep(forTimeInterval: 0.01) }
            #expect(terminated)
            #expect(outcome.value == "failed", "the batch finished before it could be terminated")

            let after = try connection.query(
                "SELECT last_seq, last_hash FROM audit_chain_heads WHERE municipality_code = 'TRP'")[0]
            #expect(try after.decode("last_seq", as: Int64.self) == before.decode("last_seq", as: Int64.self))
            #expect(try after.decode("last_hash", as: [UInt8].self) == before.decode("last_hash", as: [UInt8].self))
            #expect(try Self.chain("TRP", on: connection).unchained == 4000)
            try Self.expectIntact("TRP", count: 5, on: connection)

            #expect(try sequenceAudit(on: connection) == 4000)
            try Self.expectIntact("TRP", count: 4005, on: connection)
        }
    }

    @Test("a second sequencer skips while the first holds the lock, waits for it, and the chain stays intact")
    func oneSequencerAtATime() throws {
        try TestDatabase.withDemoCatalog { database in
            let first = try database.connect()
            let second = try database.connect()
            try Self.append(3, to: "BEN", on: second)
            try first.execute("BEGIN")
            #expect(try AuditSequencer.chainBatch(on: first) == .chained(3))
            try Self.append(2, to: "BEN", on: second)
            #expect(try AuditSequencer.chainBatch(on: second) == .busy)
            let refused = #expect(throws: NafidhaError.self) {
                try AuditSequencer.chainWaiting(on: second, patience: .milliseconds(100))
            }
            #expect(refused?.code == .auditSequencerBusy)

            // The second waits on a thread of its own while the first commits.
            let waited = Shared<String>()
            let waiter = Thread {
                do {
                    let chained = try AuditSequencer.chainWaiting(on: database.connect(), patience: .seconds(30))
                    waited.set("chained \(chained)")
                } catch {
                    waited.set("\(error)")
                }
            }
            waiter.start()
            Thread.sleep(forTimeInterval: 0.2)
            #expect(waited.value == nil)
            try first.execute("COMMIT")
            while waited.value == nil { Thread.sleep(forTimeInterval: 0.01) }
            #expect(waited.value == "chained 2")
            try Self.expectIntact("BEN", count: 5, on: second)
        }
    }

    @Test("a thread started and stopped at once leaves the chain intact, whatever it finished")
    func threadStopsCleanly() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try Self.insert(3000, to: "TRP", on: connection)
            var settings = AuditSequencerThread.Settings()
            settings.batchSize = 500
            let thread = AuditSequencerThread(conninfo: database.conninfo, settings: settings) { _ in }
            thread.start()
            Thread.sleep(forTimeInterval: 0.05)
            thread.stop()
            let partial = try Self.chain("TRP", on: connection)
            #expect(partial.seqs.count % 500 == 0 && partial.seqs.count + Int(partial.unchained) == 3000)
            try Self.expectIntact("TRP", count: Int64(partial.seqs.count), on: connection)
            try sequenceAudit(on: connection)
            try Self.expectIntact("TRP", count: 3000, on: connection)
        }
    }

    @Test("the thread chains what writers commit, well within its poll interval plus a batch")
    func threadChainsContinuously() throws {
        try TestDatabase.withDemoCatalog { database in
            let thread = AuditSequencerThread(conninfo: database.conninfo) { _ in }
            thread.start()
            defer { thread.stop() }
            let connection = try database.connect()
            try Self.append(10, to: "TRP", on: connection)
            // Generous for a loaded test machine; in service it takes about the poll interval (100 ms).
            let deadline = Date().addingTimeInterval(30)
            while try AuditBacklog.read(on: connection).unchainedEvents > 0, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
            #expect(try AuditBacklog.read(on: connection).unchainedEvents == 0)
            try Self.expectIntact("TRP", count: 10, on: connection)
        }
    }

    @Test("the backlog and each chain's status count waiting events and show the heads")
    func statusNumbers() throws {
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            let idle = try AuditBacklog.read(on: connection)
            #expect(idle.unchainedEvents == 0 && !idle.countCapped && idle.oldestUnchainedAgeSeconds == nil)
            #expect(try AuditChainStatus.all(on: connection).isEmpty)
            try Self.append(2, to: "TRP", on: connection)
            try sequenceAudit(on: connection)
            try Self.append(3, to: "TRP", on: connection)
            try Self.append(4, to: "BEN", on: connection)

            let backlog = try AuditBacklog.read(on: connection)
            #expect(backlog.unchainedEvents == 7 && !backlog.countCapped)
            #expect((backlog.oldestUnchainedAgeSeconds ?? -1) >= 0)
            let status = try AuditChainStatus.all(on: connection)
            #expect(status.map(\.municipality) == ["BEN", "TRP"])
            #expect(status.map(\.headSeq) == [0, 2] && status.map(\.unchainedEvents) == [4, 3])
            #expect(status[0].headHash == String(repeating: "0", count: 64) && status[0].lastOccurredAt == nil)
            let head = try connection.query(
                "SELECT encode(last_hash, 'hex') AS h FROM audit_chain_heads WHERE municipality_code = 'TRP'")[0]
            #expect(try status[1].headHash == head.decode("h", as: String.self))
            #expect(status[1].lastOccurredAt?.count == 27)
            #expect(try AuditLog.verify(municipality: "BEN", on: connection).unchainedEvents == 4)

            try sequenceAudit(on: connection)
            #expect(try AuditBacklog.read(on: connection).unchainedEvents == 0)
            #expect(try AuditChainStatus.all(on: connection).map(\.headSeq) == [4, 5])
        }
    }
}

/// Errors gathered from several threads.
final class FailureLog: Sendable {
    private let errors = Mutex<[String]>([])

    func add(_ error: any Error) {
        errors.withLock { $0.append(String(describing: error)) }
    }

    var all: [String] { errors.withLock { $0 } }
}

/// A value set by another thread.
final class Shared<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    func set(_ value: Value) {
        state.withLock { $0 = value }
    }

    var value: Value? { state.withLock { $0 } }
}
