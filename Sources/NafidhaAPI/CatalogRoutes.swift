import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /v1/municipalities`, `/v1/sectors`, `/v1/services?municipality=CODE` and
/// `/v1/services/:code?municipality=CODE`: the catalog, in the language of `Accept-Language`.
struct CatalogRoutes: Sendable {
    let catalog: CatalogReader

    func register(on router: inout Router) {
        let catalog = catalog
        router.get("/v1/municipalities") { request, _ in
            try .catalog(try catalog.municipalities(in: request.language), language: request.language)
        }
        router.get("/v1/sectors") { request, _ in
            try .catalog(try catalog.sectors(in: request.language), language: request.language)
        }
        router.get("/v1/services") { request, _ in
            let municipality = try Self.municipality(of: request)
            return try .catalog(
                try catalog.services(offeredIn: municipality, at: Date(), in: request.language),
                language: request.language)
        }
        router.get("/v1/services/:code") { request, context in
            let detail = try catalog.serviceDetail(
                service: try context.parameters.require("code"), municipality: try Self.municipality(of: request),
                at: Date(), in: request.language)
            return try .catalog(detail, language: request.language)
        }
    }

    /// The `municipality` query parameter, upper-cased (codes are `TRP`, and `trp` means the same); missing or
    /// empty → 400 `municipality_required`.
    private static func municipality(of request: HTTPRequest) throws(NafidhaError) -> String {
        guard let code = request.query["municipality"], !code.isEmpty else { throw NafidhaError(.municipalityRequired) }
        return code.uppercased()
    }
}

extension HTTPResponse {
    /// A catalog answer: JSON, marked with its language, varying with `Accept-Language` for caches.
    fileprivate static func catalog(_ value: some Encodable, language: Language) throws -> HTTPResponse {
        var response = try HTTPResponse.json(encoding: value)
        response.headers.add(name: "Content-Language", value: language.rawValue)
        response.headers.add(name: "Vary", value: "Accept-Language")
        return response
    }
}
