import NafidhaContract
import NafidhaCore
import Postgres

/// A fresh demo-catalog database with the server's services over it, for one test.
public struct StaffTestWorld: Sendable {
    /// The database (dropped after the test).
    public let database: TestDatabase
    /// A pool on it, large enough for the concurrent-claim tests.
    public let pool: PostgresPool
    /// Every service, as `nafidha serve` builds them.
    public let services: NafidhaServices

    /// Staff accounts and tokens.
    public var directory: StaffDirectory { services.staff }
    /// Queue listings.
    public var queues: QueueService { services.queues }
    /// Every transition of tasks and requests.
    public var engine: WorkflowEngine { services.engine }
    /// The SLA sweep.
    public var sweep: EscalationSweep { services.sweep }

    /// Runs `body` with a new world, then closes the pool and drops the database.
    public static func with<T>(
        settings: NafidhaServices.Settings = .init(), _ body: (StaffTestWorld) throws -> T
    ) throws -> T {
        try TestDatabase.withDemoCatalog { database in
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 16
            let pool = PostgresPool(conninfo: database.conninfo, configuration: configuration)
            defer { pool.close() }
            let world = StaffTestWorld(
                database: database, pool: pool, services: NafidhaServices(pool: pool, settings: settings))
            return try body(world)
        }
    }

    /// Creates a staff member.
    @discardableResult
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
