import NafidhaContract
import Postgres

/// The auditors' reports as routes ask for them, each computed on a pooled connection (`ReportService` holds the
/// queries; `ReportAccess` decides who may ask what).
public struct ReportReader: Sendable {
    private let pool: PostgresPool

    /// A reader over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Computes report `name` for `query`.
    public func report(_ name: Reports.Name, _ query: ReportQuery) throws -> Report {
        try pool.withConnection { try ReportService.make(name, query, on: $0) }
    }
}
