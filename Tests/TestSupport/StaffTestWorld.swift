import NafidhaContract
import NafidhaCore
import Postgres

/// A fresh demo-catalog database with the staff and queue services over it, for one test.
public struct StaffTestWorld: Sendable {
    /// The database (dropped after the test).
    public let database: TestDatabase
    /// A pool on it, large enough for the concurrent-claim tests.
    public let pool: PostgresPool
    /// Staff accounts and tokens.
    public let directory: StaffDirectory
    /// Queues and claims.
    public let queues: QueueService
    /// The SLA sweep.
    public let sweep: EscalationSweep

    /// Runs `body` with a new world, then closes the pool and drops the database.
    public static func with<T>(
        queueSettings: QueueService.Settings = .init(), _ body: (StaffTestWorld) throws -> T
    ) throws -> T {
        try TestDatabase.withDemoCatalog { database in
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 16
            let pool = PostgresPool(conninfo: database.conninfo, configuration: configuration)
            defer { pool.close() }
            let world = StaffTestWorld(
                database: database, pool: pool, directory: StaffDirectory(pool: pool),
                queues: QueueService(pool: pool, settings: queueSettings), sweep: EscalationSweep(pool: pool)
            )
            return try body(world)
        }
    }

    /// Creates a staff member.
    public func staff(
        _ name: String, _ role: StaffRole, municipalities: [String] = [], sectors: [String] = []
    ) throws -> StaffMember {
        try directory.create(name: name, role: role, municipalities: municipalities, sectors: sectors)
    }

    /// Inserts a request with tasks in `municipality` (see `QueueFixtures`).
    @discardableResult
    public func request(in municipality: String, tasks: [QueueFixtures.TaskSpec]) throws -> QueueFixtures.Inserted {
        try pool.withConnection { try QueueFixtures.request(in: municipality, tasks: tasks, on: $0) }
    }

    /// Runs one query on a pooled connection.
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws -> PostgresRows {
        try pool.withConnection { try $0.query(sql, parameters) }
    }
}
