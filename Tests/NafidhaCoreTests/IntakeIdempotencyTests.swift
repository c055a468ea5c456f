import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Submission idempotency and concurrency")
struct IntakeIdempotencyTests {
    @Test("the same key and body answer with the same receipt, token included, and create one request")
    func sameKeyAndBodyReplays() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let service = SubmissionService(pool: pool)
            let key = "retry-" + UUID().uuidString
            let first = try service.submit(IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: key)
            let second = try service.submit(IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: key)
            #expect(!first.replayed)
            #expect(second.replayed)
            #expect(second.receipt == first.receipt)
            try pool.withConnection { connection in
                #expect(try IntakeSamples.counts(on: connection)[0] == 1)
                // Neither the key nor the token is stored in plaintext.
                let row = try connection.query("SELECT idempotency_key, idempotency_receipt FROM requests")[0]
                #expect(try row.decode("idempotency_key", as: String.self) != key)
                #expect(try !row.decode("idempotency_receipt", as: String.self).contains(first.receipt.accessToken))
            }
        }
    }

    @Test("the same key with another body is an idempotency conflict and creates nothing")
    func sameKeyOtherBodyConflicts() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let service = SubmissionService(pool: pool)
            let key = "conflict-" + UUID().uuidString
            _ = try service.submit(IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: key)
            let error = try #require(throws: NafidhaError.self) {
                try service.submit(IntakeSamples.buildingPermit(parcel: "P-99/1"), channel: .api, idempotencyKey: key)
            }
            #expect(error.code == .idempotencyConflict)
            #expect(error.status == 409)
            #expect(try pool.withConnection { try IntakeSamples.counts(on: $0)[0] } == 1)
        }
    }

    @Test(
        "keys shorter than 16, longer than 255 or with non-printable characters are refused",
        arguments: [
            "short", String(repeating: "k", count: 256), "line\nbreak-0123456789", "tab\there-0123456789",
            "ключ-0123456789abcdef", "delete\u{7F}-0123456789",
        ])
    func malformedKeysAreRefused(key: String) throws {
        let pool = PostgresPool(conninfo: "host=/nonexistent-nafidha-socket-dir dbname=x connect_timeout=1")
        defer { pool.close() }
        let error = try #require(throws: NafidhaError.self) {
            try SubmissionService(pool: pool).submit(IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: key)
        }
        #expect(error.code == .invalidIdempotencyKey)
    }

    @Test("eight concurrent submissions with one key create one request and all get its receipt")
    func concurrentSameKeyCreatesOneRequest() async throws {
        let database = try TestDatabase.createWithDemoCatalog()
        defer { try? database.drop() }
        let pool = PostgresPool(conninfo: database.conninfo)
        defer { pool.close() }
        let service = SubmissionService(pool: pool)
        let key = "race-" + UUID().uuidString
        let receipts = try await withThrowingTaskGroup(of: Intake.Receipt.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await Self.onOwnThread {
                        try service.submit(IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: key).receipt
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(receipts.map(\.trackingNumber)).count == 1)
        #expect(Set(receipts.map(\.accessToken)).count == 1)
        let requests = try await Self.onOwnThread { try pool.withConnection { try IntakeSamples.counts(on: $0)[0] } }
        #expect(requests == 1)
    }

    @Test("fifty concurrent submissions create fifty requests and leave every audit chain intact")
    func fiftyConcurrentSubmissions() async throws {
        let database = try TestDatabase.createWithDemoCatalog()
        defer { try? database.drop() }
        let pool = PostgresPool(conninfo: database.conninfo)
        defer { pool.close() }
        let service = SubmissionService(pool: pool)
        let municipalities = ["TRP", "BEN", "MIS", "SQJ", "TAJ"]
        let receipts = try await withThrowingTaskGroup(of: Intake.Receipt.self) { group in
            for index in 0..<50 {
                group.addTask {
                    try await Self.onOwnThread {
                        try service.submit(
                            IntakeSamples.buildingPermit(municipality: municipalities[index % municipalities.count]),
                            channel: .api, idempotencyKey: index.isMultiple(of: 2) ? "fifty-\(index)-\(UUID())" : nil
                        ).receipt
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(receipts.map(\.trackingNumber)).count == 50)
        let counts = try await Self.onOwnThread { try pool.withConnection { try IntakeSamples.counts(on: $0) } }
        #expect(counts == [50, 200, 150])
        // Each request holds the tasks its receipt lists, and its events name it and its own opened tasks.
        for receipt in receipts {
            let (tasks, events) = try await Self.onOwnThread {
                try pool.withConnection { connection in
                    (
                        try connection.query(
                            """
                            SELECT t.stage_no, t.step_no, t.office_code, t.status, t.due_at FROM tasks t
                              JOIN requests r ON r.id = t.request_id
                             WHERE r.tracking_number = $1 ORDER BY t.stage_no, t.step_no
                            """,
                            [receipt.trackingNumber]
                        ).map {
                            Self.describe(
                                stage: try $0.decode("stage_no"), step: try $0.decode("step_no"),
                                office: try $0.decode("office_code"), status: try $0.decode("status"),
                                dueAt: try $0.decode("due_at"))
                        },
                        try connection.query(
                            """
                            SELECT e.action, e.actor, t.stage_no, t.step_no, t.request_id = r.id AS own FROM audit_events e
                              JOIN requests r ON r.id = e.request_id LEFT JOIN tasks t ON t.id = e.task_id
                             WHERE r.tracking_number = $1 ORDER BY e.id
                            """,
                            [receipt.trackingNumber]
                        ).map {
                            [
                                try $0.decode("action", as: String.self), try $0.decode("actor", as: String.self),
                                "\(try $0.decode("stage_no", as: Int?.self) ?? 0).\(try $0.decode("step_no", as: Int?.self) ?? 0)",
                                "\(try $0.decode("own", as: Bool?.self) ?? true)",
                            ].joined(separator: " ")
                        }
                    )
                }
            }
            #expect(
                tasks
                    == receipt.steps.map {
                        Self.describe(
                            stage: $0.stage, step: $0.step, office: $0.office, status: $0.status.rawValue,
                            dueAt: $0.dueAt)
                    })
            #expect(
                events == [
                    "submitted \(receipt.trackingNumber) 0.0 true", "task_opened nafidha 1.1 true",
                    "task_opened nafidha 1.2 true",
                ])
        }
        let chains = try await Self.onOwnThread {
            try pool.withConnection { connection in
                try sequenceAudit(on: connection)
                return try AuditLog.verifyAll(on: connection)
            }
        }.filter { $0.eventsChecked > 0 }
        #expect(chains.count == municipalities.count)
        #expect(chains.allSatisfy { $0.intact && $0.eventsChecked == 30 })
    }

    /// One task, as the receipt and the database can both say it.
    static func describe(stage: Int, step: Int, office: String, status: String, dueAt: Date?) -> String {
        let due = dueAt.map { String(Int64(($0.timeIntervalSince1970 * 1_000_000).rounded())) } ?? "-"
        return "\(stage).\(step) \(office) \(status) \(due)"
    }

    /// Runs blocking database work on a thread of our own, never on a cooperative thread.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
