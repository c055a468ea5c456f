import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The socket folders of the replica tests' own primary and of its hot standby (scripts/test starts both).
private let testReplicaHost = ProcessInfo.processInfo.environment["NAFIDHA_TEST_REPLICA_HOST"]
private let testReplicaPrimaryHost = ProcessInfo.processInfo.environment["NAFIDHA_TEST_REPLICA_PRIMARY_HOST"]

/// Reads on a real hot standby (`pg_basebackup -R`, streaming over the Unix socket) of a primary only these tests
/// use, both started by scripts/test. Serialized: one test pauses the standby's replay, which the others must not
/// see.
@Suite(
    "Reports and lists on a streaming replica", .serialized,
    .enabled(
        if: testReplicaHost != nil && testReplicaPrimaryHost != nil,
        "NAFIDHA_TEST_REPLICA_HOST and NAFIDHA_TEST_REPLICA_PRIMARY_HOST are not set (scripts/test sets them)"))
struct ReadRoutingTests {
    static let replicaHost = testReplicaHost

    private let november = ReportQuery(
        from: ReportFixture.instant("2026-11-01T00:00:00Z"), to: ReportFixture.instant("2026-12-01T00:00:00Z"),
        now: ReportFixture.instant("2026-11-19T20:00:00Z")
    )

    /// A database of the replicated primary with the demo catalog, dropped after `body`: its conninfo on the
    /// primary and on the standby.
    private static func withDatabase<T>(_ body: (_ primary: String, _ replica: String) throws -> T) throws -> T {
        let primaryHost = testReplicaPrimaryHost ?? ""
        // A fixed alphabet: the name is an identifier, which no parameter can carry.
        let name = "nafidha_replica_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try PostgresConnection(conninfo: "host=\(primaryHost) user=nafidha dbname=postgres")
        try admin.execute("CREATE DATABASE \(name) TEMPLATE nafidha_demo_template")
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return try body(
            "host=\(primaryHost) user=nafidha dbname=\(name)", "host=\(replicaHost ?? "") user=nafidha dbname=\(name)")
    }

    /// Checks the replica until it is current and has replayed everything the primary wrote so far (60 s at most).
    private static func waitUntilCaughtUp(_ routing: ReadRouting, replica: PostgresPool, primary: PostgresPool)
        throws
    {
        // The insert position, not pg_current_wal_lsn() (the write position): the test primary runs with
        // synchronous_commit off, so the last commits' records may still wait in WAL buffers, behind the write
        // position, until the WAL writer flushes them and the standby receives them.
        let written: String = try primary.withConnection {
            try $0.query("SELECT pg_current_wal_insert_lsn()::text AS lsn")[0].decode("lsn")
        }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            routing.check()
            let replayed = try? replica.withConnection { connection -> Bool in
                try connection.query("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [written])[0]
                    .decode("done")
            }
            if routing.state.readsFromReplica, replayed == true { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("the replica did not catch up within 60 s: \(routing.state)")
    }

    @Test("a report read from the streaming replica equals the primary's")
    func reportFromReplicaEqualsPrimary() throws {
        try Self.withDatabase { primary, replicaInfo in
            var fixture = ReportFixture(connection: try PostgresConnection(conninfo: primary))
            try fixture.loadNovember()
            let pool = PostgresPool(conninfo: primary)
            defer { pool.close() }
            let replica = PostgresPool(conninfo: replicaInfo)
            defer { replica.close() }
            let services = NafidhaServices(pool: pool, replica: replica)
            try Self.waitUntilCaughtUp(services.reads, replica: replica, primary: pool)
            #expect(services.health.replica?.reads == .replica)
            for name in [Reports.Name.sla, .backlog, .throughput] {
                let fromReplica = try services.reports.report(name, november)
                let fromPrimary = try ReportService.make(name, november, on: fixture.connection)
                #expect(fromReplica.csv(language: .english) == fromPrimary.csv(language: .english), "\(name)")
                #expect(!fromPrimary.tables[0].rows.isEmpty, "\(name) has rows to compare")
            }
        }
    }

    @Test("the event feed read from the streaming replica equals the primary's, and its cursors work on both")
    func eventFeedFromReplicaEqualsPrimary() throws {
        try Self.withDatabase { primary, replicaInfo in
            var fixture = ReportFixture(connection: try PostgresConnection(conninfo: primary))
            try fixture.loadNovember()
            // An event per request, published (given feed positions) as the dispatcher does.
            try fixture.connection.execute(
                """
                INSERT INTO notification_events (type, request_id, municipality_code, sectors, occurred_at, data)
                SELECT 'request.submitted', id, municipality_code, '{}', submitted_at,
                       jsonb_build_object('tracking_number', tracking_number, 'municipality', municipality_code,
                                          'service', service_code, 'status', status)
                  FROM requests ORDER BY id
                """)
            _ = try fixture.connection.query("SELECT notification_publish_pending(1000)")
            let pool = PostgresPool(conninfo: primary)
            defer { pool.close() }
            let replica = PostgresPool(conninfo: replicaInfo)
            defer { replica.close() }
            let onReplica = NafidhaServices(pool: pool, replica: replica)
            let onPrimary = NafidhaServices(pool: pool)
            try Self.waitUntilCaughtUp(onReplica.reads, replica: replica, primary: pool)
            let auditor = StaffMember(id: 1, name: "audit", role: .auditor, municipalities: [], sectors: [])
            let first = try onReplica.events.page(after: nil, limit: 3, types: [], for: auditor)
            #expect(first.events.count == 3)
            #expect(first == (try onPrimary.events.page(after: nil, limit: 3, types: [], for: auditor)))
            let rest = try onReplica.events.page(after: first.nextCursor, limit: 1000, types: [], for: auditor)
            #expect(!rest.events.isEmpty)
            #expect(rest == (try onPrimary.events.page(after: first.nextCursor, limit: 1000, types: [], for: auditor)))

            // With the replay paused, an event published on the primary is missing from the replica's page only:
            // the page came from the replica (its routing still current, since nothing checked it since).
            let standby = try PostgresConnection(
                conninfo: "host=\(Self.replicaHost ?? "") user=nafidha dbname=postgres")
            try standby.execute("SELECT pg_wal_replay_pause()")
            defer { _ = try? standby.execute("SELECT pg_wal_replay_resume()") }
            try fixture.connection.execute(
                """
                INSERT INTO notification_events (type, request_id, municipality_code, sectors, occurred_at, data)
                SELECT 'request.note_added', id, municipality_code, '{}', now(),
                       jsonb_build_object('tracking_number', tracking_number, 'municipality', municipality_code,
                                          'service', service_code, 'status', status)
                  FROM requests ORDER BY id LIMIT 1
                """)
            _ = try fixture.connection.query("SELECT notification_publish_pending(1000)")
            #expect(onReplica.reads.state.readsFromReplica)
            let stale = try onReplica.events.page(after: rest.nextCursor, limit: 1000, types: [], for: auditor)
            let fresh = try onPrimary.events.page(after: rest.nextCursor, limit: 1000, types: [], for: auditor)
            #expect(stale.events.isEmpty && stale.nextCursor == rest.nextCursor)
            #expect(fresh.events.map(\.type) == [.noteAdded])
        }
    }

    @Test("a replica more than the allowed lag behind is left for the primary, and readiness says so")
    func laggingReplicaFallsBack() throws {
        try Self.withDatabase { primary, replicaInfo in
            var fixture = ReportFixture(connection: try PostgresConnection(conninfo: primary))
            try fixture.loadNovember()
            let pool = PostgresPool(conninfo: primary)
            defer { pool.close() }
            let replica = PostgresPool(conninfo: replicaInfo)
            defer { replica.close() }
            var settings = NafidhaServices.Settings()
            settings.replica.maximumLag = .seconds(1)
            let services = NafidhaServices(pool: pool, replica: replica, settings: settings)
            try Self.waitUntilCaughtUp(services.reads, replica: replica, primary: pool)

            let standby = try PostgresConnection(
                conninfo: "host=\(Self.replicaHost ?? "") user=nafidha dbname=postgres")
            try standby.execute("SELECT pg_wal_replay_pause()")
            defer { _ = try? standby.execute("SELECT pg_wal_replay_resume()") }
            _ = try fixture.request(status: "submitted", submitted: "2026-11-18T08:00:00Z", due: nil)
            Thread.sleep(forTimeInterval: 1.5)
            services.reads.check()
            guard case .lagging(let lag) = services.reads.state else {
                Issue.record("expected lagging, found \(services.reads.state)")
                return
            }
            #expect(lag > 1)
            #expect(services.health.replica == Health.Replica(state: .lagging, reads: .primary, lagSeconds: lag))
            // Read on the primary: the request the paused replica has not replayed is counted.
            let throughput = try services.reports.report(.throughput, november)
            let primary = try ReportService.make(.throughput, november, on: fixture.connection)
            let stale = try replica.withConnection { try ReportService.make(.throughput, november, on: $0) }
            #expect(throughput.csv(language: .english) == primary.csv(language: .english))
            #expect(stale.csv(language: .english) != primary.csv(language: .english))
        }
    }

    @Test("a replica failing in the middle of a read leaves the whole read to the primary")
    func failureMidReadRunsAgainOnThePrimary() throws {
        try Self.withDatabase { primary, replicaInfo in
            let pool = PostgresPool(conninfo: primary)
            defer { pool.close() }
            let replica = PostgresPool(conninfo: replicaInfo)
            defer { replica.close() }
            let routing = ReadRouting(primary: pool, replica: replica)
            try Self.waitUntilCaughtUp(routing, replica: replica, primary: pool)
            var attempts: [Bool] = []
            let onStandby = try routing.read { connection -> Bool in
                let standby: Bool = try connection.query("SELECT pg_is_in_recovery() AS r")[0].decode("r")
                attempts.append(standby)
                if attempts.count == 1 {
                    // The replica goes away mid-read: its backend is terminated.
                    try connection.execute("SELECT pg_terminate_backend(pg_backend_pid())")
                }
                return standby
            }
            #expect(attempts == [true, false])
            #expect(onStandby == false)
            guard case .unavailable = routing.state else {
                Issue.record("expected unavailable, found \(routing.state)")
                return
            }
        }
    }

    @Test("a replica that does not answer is reported unavailable and reads go to the primary")
    func unreachableReplica() throws {
        try Self.withDatabase { primary, _ in
            let pool = PostgresPool(conninfo: primary)
            defer { pool.close() }
            var configuration = PostgresPool.Configuration()
            configuration.acquireTimeout = .milliseconds(500)
            let replica = PostgresPool(
                conninfo: "host=/nonexistent-nafidha-replica dbname=x connect_timeout=2", configuration: configuration)
            defer { replica.close() }
            let services = NafidhaServices(pool: pool, replica: replica)
            #expect(services.health.replica == Health.Replica(state: .unknown, reads: .primary, lagSeconds: nil))
            services.reads.check()
            #expect(services.health.replica == Health.Replica(state: .unavailable, reads: .primary, lagSeconds: nil))
            let standby = try services.reads.read { connection -> Bool in
                try connection.query("SELECT pg_is_in_recovery() AS r")[0].decode("r")
            }
            #expect(standby == false)
            #expect(try services.reports.report(.backlog, november).tables.count >= 1)
        }
    }
}
