import Foundation
import Postgres

/// The catalog as routes read it: municipalities, sectors, the services offered in a municipality and a service's
/// detail, each on a pooled connection (`CatalogService` holds the queries).
public struct CatalogReader: Sendable {
    private let pool: PostgresPool

    /// A reader over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Every municipality.
    public func municipalities() throws -> [Municipality] {
        try pool.withConnection { try CatalogService.municipalities(on: $0) }
    }

    /// Every sector.
    public func sectors() throws -> [Sector] {
        try pool.withConnection { try CatalogService.sectors(on: $0) }
    }

    /// The services offered in `municipality` at `instant`.
    public func services(offeredIn municipality: String, at instant: Date) throws -> [ServiceSummary] {
        try pool.withConnection { try CatalogService.services(offeredIn: municipality, at: instant, on: $0) }
    }

    /// The form, documents and resolved workflow of `service` in `municipality` at `instant`.
    public func serviceDetail(service: String, municipality: String, at instant: Date) throws -> ServiceDetail {
        try pool.withConnection {
            try CatalogService.serviceDetail(service: service, municipality: municipality, at: instant, on: $0)
        }
    }
}
