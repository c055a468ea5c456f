import NafidhaContract
import Postgres

/// The auditors' reports as routes ask for them, each computed on one connection, of the read replica when one is
/// current, else of the primary (`ReadRouting`; `ReportService` holds the queries; `ReportAccess` decides who may
/// ask what). A report is computed whole before it is rendered, so a replica failing midway costs a second run on
/// the primary, never half a document.
public struct ReportReader: Sendable {
    private let reads: ReadRouting

    /// A reader over `pool` alone.
    public init(pool: PostgresPool) {
        self.init(reads: ReadRouting(primary: pool, replica: nil))
    }

    /// A reader through `reads`.
    public init(reads: ReadRouting) {
        self.reads = reads
    }

    /// Computes report `name` for `query`.
    public func report(_ name: Reports.Name, _ query: ReportQuery) throws -> Report {
        try reads.read { try ReportService.make(name, query, on: $0) }
    }
}
