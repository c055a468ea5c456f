import Foundation
import NafidhaContract
import Postgres

/// The catalog as routes read it: municipalities, sectors, the services offered in a municipality and a service's
/// detail, each on a pooled connection as the contract's answers (`CatalogService` holds the queries).
public struct CatalogReader: Sendable {
    private let pool: PostgresPool

    /// A reader over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Every municipality, names in `language`.
    public func municipalities(in language: Language) throws -> Catalog.MunicipalityList {
        try pool.withConnection { try CatalogService.municipalities(in: language, on: $0) }
    }

    /// Every sector, names in `language`.
    public func sectors(in language: Language) throws -> Catalog.SectorList {
        try pool.withConnection { try CatalogService.sectors(in: language, on: $0) }
    }

    /// The services offered in `municipality` at `instant`, texts in `language`.
    public func services(offeredIn municipality: String, at instant: Date, in language: Language) throws
        -> Catalog.ServiceList
    {
        try pool.withConnection {
            try CatalogService.services(offeredIn: municipality, at: instant, in: language, on: $0)
        }
    }

    /// The form, documents and resolved workflow of `service` in `municipality` at `instant`, texts in `language`.
    public func serviceDetail(service: String, municipality: String, at instant: Date, in language: Language) throws
        -> Catalog.ServiceDetail
    {
        try pool.withConnection {
            try CatalogService.serviceDetail(
                service: service, municipality: municipality, at: instant, in: language, on: $0)
        }
    }
}
