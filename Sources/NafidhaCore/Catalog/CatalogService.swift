import Foundation
import Postgres

/// Reads the catalog: municipalities, sectors, the services offered in a municipality, a service's form, and the
/// workflow a service resolves to. Synchronous: call it from threads we own (HTTP workers, the CLI), never from
/// Swift concurrency's cooperative threads.
public enum CatalogService {
    /// The workflow of `service` in `municipality` at `instant`, as `resolve_service` decides it (overlays in force
    /// on `[valid_from, valid_to)`), or nil when the service is not offered there then (unknown service or
    /// municipality, disabled by an overlay, or a step with no office to go to).
    public static func resolveWorkflow(
        service: String, municipality: String, at instant: Date, on connection: PostgresConnection
    ) throws -> ResolvedWorkflow? {
        let rows = try connection.queryPrepared(
            "SELECT resolve_service($1, $2, $3)::text AS workflow", [service, municipality, instant]
        )
        guard let text = try rows.first?.decode("workflow", as: String?.self) else { return nil }
        return try ResolvedWorkflow(jsonText: text)
    }
}
