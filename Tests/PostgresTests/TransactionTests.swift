import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

@Suite("Transactions")
struct TransactionTests {
    private struct Refused: Error {}

    private func count(_ connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) FROM request").first!.decode(0, as: Int.self)
    }

    @Test("A transaction commits when its body returns and rolls back when it throws")
    func commitsOrRollsBack() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            try connection.execute("CREATE TEMP TABLE request (id int)")
            try connection.withTransaction { try $0.execute("INSERT INTO request VALUES (1)") }
            #expect(throws: Refused.self) {
                try connection.withTransaction { connection in
                    try connection.execute("INSERT INTO request VALUES (2)")
                    throw Refused()
                }
            }
            #expect(try count(connection) == 1)
        }
    }

    @Test("A swallowed statement error makes the commit throw transactionAborted")
    func swallowedErrorAbortsCommit() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            try connection.execute("CREATE TEMP TABLE request (id int)")
            let error = try #require(throws: PostgresError.self) {
                try connection.withTransaction { connection in
                    try connection.execute("INSERT INTO request VALUES (1)")
                    _ = try? connection.query("SELECT 1/0")
                }
            }
            #expect(error.code == .transactionAborted)
            #expect(try count(connection) == 0)
        }
    }

    @Test("A nested transaction that throws rolls back only its own work")
    func nestedTransactionUsesSavepoint() throws {
        do {
            let connection = try TestDatabase.connectToAdminDatabase()
            try connection.execute("CREATE TEMP TABLE request (id int)")
            try connection.withTransaction(isolation: .repeatableRead) { connection in
                try connection.execute("INSERT INTO request VALUES (1)")
                _ = try? connection.withTransaction { connection in
                    try connection.execute("INSERT INTO request VALUES (2)")
                    throw Refused()
                }
                try connection.withTransaction { try $0.execute("INSERT INTO request VALUES (3)") }
            }
            let ids = try connection.query("SELECT id FROM request ORDER BY id").map { try $0.decode(0, as: Int.self) }
            #expect(ids == [1, 3])
        }
    }

    @Test("A serialization failure is retried and the second attempt commits")
    func serializationFailureIsRetried() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let setup = try database.connect()
            try setup.execute("CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)")
            try setup.execute("INSERT INTO counter VALUES (1, 0)")
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            var attempts = 0
            try pool.withTransaction(isolation: .serializable) { connection in
                attempts += 1
                let value = try connection.query("SELECT value FROM counter WHERE id = 1").first!.decode(
                    0, as: Int.self)
                if attempts == 1 {
                    // Another session changes the row after our snapshot: our update must fail with 40001.
                    try setup.execute("UPDATE counter SET value = 10 WHERE id = 1")
                }
                try connection.execute("UPDATE counter SET value = $1 WHERE id = 1", [value + 1])
            }
            #expect(attempts == 2)
            #expect(try setup.query("SELECT value FROM counter").first!.decode(0, as: Int.self) == 11)
        }
    }

    @Test("A single connection retries its own transaction after a serialization failure")
    func connectionRetriesSerializationFailure() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let setup = try database.connect()
            try setup.execute("CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)")
            try setup.execute("INSERT INTO counter VALUES (1, 0)")
            let connection = try database.connect()
            var attempts = 0
            try connection.withTransaction(isolation: .repeatableRead, retryingOn: .conflicts) { connection in
                attempts += 1
                try connection.query("SELECT value FROM counter WHERE id = 1")
                if attempts == 1 { try setup.execute("UPDATE counter SET value = 10 WHERE id = 1") }
                try connection.execute("UPDATE counter SET value = value + 1 WHERE id = 1")
            }
            #expect(attempts == 2)
            #expect(try setup.query("SELECT value FROM counter").first!.decode(0, as: Int.self) == 11)
        }
    }

    @Test("Retries stop after maxAttempts and the serialization failure is thrown")
    func retriesAreBounded() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let setup = try database.connect()
            try setup.execute("CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)")
            try setup.execute("INSERT INTO counter VALUES (1, 0)")
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            var attempts = 0
            let retry = TransactionRetry(maxAttempts: 3, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(2))
            let error = try #require(throws: PostgresError.self) {
                try pool.withTransaction(isolation: .repeatableRead, retryingOn: retry) { connection in
                    attempts += 1
                    try connection.query("SELECT value FROM counter WHERE id = 1")
                    try setup.execute("UPDATE counter SET value = value + 100 WHERE id = 1")
                    try connection.execute("UPDATE counter SET value = value + 1 WHERE id = 1")
                }
            }
            #expect(error.isSerializationFailure)
            #expect(attempts == 3)
            #expect(pool.statistics.idle == 1)
        }
    }

    @Test("Of two transactions that deadlock, the victim is retried and both commit")
    func deadlockVictimIsRetried() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            let setup = try database.connect()
            try setup.execute("CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL)")
            try setup.execute("INSERT INTO account VALUES (1, 0), (2, 0)")
            // Superuser test sessions may lower deadlock_timeout, so the server notices within 50 ms, not 1 s.
            var info = try PostgresConnectionInfo(database.conninfo)
            info["options"] = "-c deadlock_timeout=50ms"
            let pool = PostgresPool(conninfo: info.conninfo)
            defer { pool.close() }
            let attempts = Mutex(0)
            let bothLockedOneRow = DispatchGroup()
            bothLockedOneRow.enter()
            bothLockedOneRow.enter()
            let transfer: @Sendable (Int, Int) throws -> Void = { first, second in
                var isFirstAttempt = true
                try pool.withTransaction { connection in
                    attempts.withLock { $0 += 1 }
                    try connection.execute("UPDATE account SET balance = balance + 1 WHERE id = $1", [first])
                    if isFirstAttempt {
                        // Each waits until the other holds its first row: then the second updates cross.
                        isFirstAttempt = false
                        bothLockedOneRow.leave()
                        bothLockedOneRow.wait()
                    }
                    try connection.execute("UPDATE account SET balance = balance + 1 WHERE id = $1", [second])
                }
            }
            let failures = Mutex([String]())
            let threads = DispatchGroup()
            for (first, second) in [(1, 2), (2, 1)] {
                threads.enter()
                Thread {
                    do { try transfer(first, second) } catch { failures.withLock { $0.append("\(error)") } }
                    threads.leave()
                }.start()
            }
            threads.wait()
            #expect(failures.withLock { $0 } == [])
            #expect(attempts.withLock { $0 } == 3)
            let balances = try setup.query("SELECT balance FROM account ORDER BY id").map {
                try $0.decode(0, as: Int.self)
            }
            #expect(balances == [2, 2])
        }
    }
}
