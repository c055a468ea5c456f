import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

@Suite("Connection pool")
struct PoolTests {
    private func backendPID(_ connection: PostgresConnection) throws -> Int32 {
        try connection.query("SELECT pg_backend_pid()").first!.decode(0, as: Int32.self)
    }

    /// Terminates a backend from another session and waits until it is gone, as after a kill or a restart.
    private func terminate(_ pid: Int32, via admin: PostgresConnection) throws {
        try admin.query("SELECT pg_terminate_backend($1)", [pid])
        for _ in 0..<200 {
            let alive = try admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]).count
            if alive == 0 { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("backend \(pid) still alive after 2 s")
    }

    @Test("An exhausted pool ends the wait with poolTimeout")
    func exhaustionTimesOut() throws {
        try TestDatabase.withAdminURL { adminURL in
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 1
            configuration.acquireTimeout = .milliseconds(200)
            let pool = PostgresPool(conninfo: adminURL, configuration: configuration)
            defer { pool.close() }
            try pool.withConnection { _ in
                let error = try #require(throws: PostgresError.self) { try pool.withConnection { _ in } }
                #expect(error.code == .poolTimeout)
                #expect(pool.statistics == .init(open: 1, idle: 0, waiters: 0))
            }
            try pool.withConnection { try $0.query("SELECT 1") }
        }
    }

    @Test("When maxWaiters callers already wait, one more is refused with poolBusy")
    func waitersAreBounded() throws {
        try TestDatabase.withAdminURL { adminURL in
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 1
            configuration.maxWaiters = 0
            let pool = PostgresPool(conninfo: adminURL, configuration: configuration)
            defer { pool.close() }
            try pool.withConnection { _ in
                let error = try #require(throws: PostgresError.self) { try pool.withConnection { _ in } }
                #expect(error.code == .poolBusy)
            }
        }
    }

    @Test("A waiter gets the connection another caller returns")
    func waiterIsHandedTheReturnedConnection() throws {
        try TestDatabase.withAdminURL { adminURL in
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 2
            let pool = PostgresPool(conninfo: adminURL, configuration: configuration)
            defer { pool.close() }
            let pids = Mutex(Set<Int32>())
            let failures = Mutex(0)
            // 20 threads for 2 connections: most of them wait, and each wait ends with a returned connection.
            DispatchQueue.concurrentPerform(iterations: 20) { _ in
                do {
                    let pid = try pool.withConnection { connection in
                        try connection.query("SELECT pg_sleep(0.01)")
                        return try backendPID(connection)
                    }
                    pids.withLock { _ = $0.insert(pid) }
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
            #expect(failures.withLock { $0 } == 0)
            #expect(pids.withLock { $0.count } <= 2)
            #expect(pool.statistics.open <= 2)
        }
    }

    @Test("After pg_terminate_backend the pool's next query succeeds on a new connection")
    func terminatedIdleConnectionIsReplaced() throws {
        try TestDatabase.withAdminURL { adminURL in
            let admin = try TestDatabase.connectToAdminDatabase()
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 1
            let pool = PostgresPool(conninfo: adminURL, configuration: configuration)
            defer { pool.close() }
            let first = try pool.withConnection(backendPID)
            try terminate(first, via: admin)
            let second = try pool.withConnection(backendPID)
            #expect(second != first)
            #expect(pool.statistics.open == 1)
        }
    }

    @Test("A connection lost in the middle of a call is discarded, not returned to the pool")
    func connectionLostDuringUseIsDiscarded() throws {
        try TestDatabase.withAdminURL { adminURL in
            let admin = try TestDatabase.connectToAdminDatabase()
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 1
            let pool = PostgresPool(conninfo: adminURL, configuration: configuration)
            defer { pool.close() }
            let error = try #require(throws: PostgresError.self) {
                try pool.withConnection { connection in
                    try terminate(try backendPID(connection), via: admin)
                    try connection.query("SELECT 1")
                }
            }
            #expect(error.isConnectionLost)
            #expect(pool.statistics == .init(open: 0, idle: 0, waiters: 0))
            #expect(try pool.withConnection { try $0.query("SELECT 1").count } == 1)
        }
    }

    @Test("A transaction left open by a borrower is rolled back before the connection is reused")
    func openTransactionIsRolledBackOnReturn() throws {
        try TestDatabase.with(fromTemplate: false) { database in
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 1
            let pool = PostgresPool(conninfo: database.conninfo, configuration: configuration)
            defer { pool.close() }
            try pool.withConnection { try $0.execute("CREATE TABLE request (id int)") }
            try pool.withConnection { connection in
                try connection.execute("BEGIN")
                try connection.execute("INSERT INTO request VALUES (1)")
            }
            #expect(try pool.withConnection { try $0.query("SELECT id FROM request").count } == 0)
        }
    }

    @Test("A closed pool refuses callers with poolClosed")
    func closedPoolRefuses() throws {
        try TestDatabase.withAdminURL { adminURL in
            let pool = PostgresPool(conninfo: adminURL)
            try pool.withConnection { try $0.query("SELECT 1") }
            pool.close()
            #expect(pool.statistics.open == 0)
            let error = try #require(throws: PostgresError.self) { try pool.withConnection { _ in } }
            #expect(error.code == .poolClosed)
        }
    }

    @Test("A pool whose server cannot be reached fails with connectionFailed and keeps no slot")
    func unreachableServerFreesTheSlot() throws {
        let pool = PostgresPool(conninfo: "postgresql://nafidha@/postgres?host=/nonexistent/\(UUID().uuidString)")
        defer { pool.close() }
        let error = try #require(throws: PostgresError.self) { try pool.withConnection { _ in } }
        #expect(error.code == .connectionFailed)
        #expect(pool.statistics.open == 0)
    }
}
