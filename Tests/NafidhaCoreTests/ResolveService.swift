import Foundation
import NafidhaCore
import Postgres

/// The database's own workflow resolution, `resolve_service(service, municipality, instant)`: what the catalog
/// routes and Open311 list by, and what `CatalogSnapshot.resolveWorkflow` must agree with (CatalogSnapshotTests).
/// Nil when the service is not offered there then.
func resolveService(
    _ service: String, in municipality: String, at instant: Date, on connection: PostgresConnection
) throws -> ResolvedWorkflow? {
    let rows = try connection.query(
        "SELECT resolve_service($1, $2, $3)::text AS workflow", [service, municipality, instant])
    return try rows.first?.decode("workflow", as: String?.self).map { try ResolvedWorkflow(jsonText: $0) }
}
