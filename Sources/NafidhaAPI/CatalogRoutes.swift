import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /v1/municipalities`, `/v1/sectors`, `/v1/services?municipality=CODE` and
/// `/v1/services/{code}?municipality=CODE`: the catalog, in the language of `Accept-Language`.
struct CatalogRoutes: Sendable {
    let catalog: CatalogReader

    func register(on api: ContractRouter) {
        let catalog = catalog
        api.register(Routes.municipalities) { request, _ in
            Self.answer(try catalog.municipalities(in: request.language), request)
        }
        api.register(Routes.sectors) { request, _ in
            Self.answer(try catalog.sectors(in: request.language), request)
        }
        api.register(Routes.services) { request, _ in
            let services = try catalog.services(
                offeredIn: try Self.municipality(of: request), at: Date(), in: request.language)
            return Self.answer(services, request)
        }
        api.register(Routes.service) { request, context in
            let detail = try catalog.serviceDetail(
                service: try context.parameter("code"), municipality: try Self.municipality(of: request), at: Date(),
                in: request.language)
            return Self.answer(detail, request)
        }
    }

    /// The `municipality` query parameter, upper-cased (codes are `TRP`, and `trp` means the same); missing or
    /// empty → 400 `municipality_required`.
    private static func municipality(of request: HTTPRequest) throws(NafidhaError) -> String {
        guard let code = request.query["municipality"], !code.isEmpty else { throw NafidhaError(.municipalityRequired) }
        return code.uppercased()
    }

    /// A catalog answer, marked with its language and varying with `Accept-Language` for caches.
    private static func answer<Value>(_ value: Value, _ request: HTTPRequest) -> Answer<Value> {
        Answer(
            value,
            headers: HTTPHeaders([
                (name: "Content-Language", value: request.language.rawValue), (name: "Vary", value: "Accept-Language"),
            ]))
    }
}
