import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// The Open311 GeoReport v2 façade under `/open311/v2/` (docs/open311.md): every resource in `.json` and `.xml`,
/// over the same catalog, intake and request services as the JSON API.
struct Open311Routes: Sendable {
    /// Where every URL of the façade starts.
    static let prefix = "/open311/v2"

    let catalog: Open311Catalog
    let requests: Open311Requests
    let intake: Open311Intake
    /// Most parameters a form body may carry (the JSON bodies' member limit, `JSONBodyLimits.maximumMembers`):
    /// tens of thousands of unknown attributes would each cost intake work, as unknown JSON members did.
    let maximumFormParameters: Int

    func register(on router: HTTPRouter<APIContext>) {
        let maximumFormParameters = maximumFormParameters
        for format in Open311Format.allCases {
            let suffix = "." + format.rawValue
            router.get(Self.prefix + "/discovery" + suffix) { request, _ in
                format.response(Self.discovery(request))
            }
            router.get(Self.prefix + "/services" + suffix) { request, _ in
                try Self.answer(format, request, maximumFormParameters: maximumFormParameters) { parameters in
                    .services(
                        try catalog.services(jurisdiction: Self.jurisdiction(parameters), language: request.language))
                }
            }
            router.get(Self.prefix + "/requests" + suffix) { request, _ in
                try Self.answer(format, request, maximumFormParameters: maximumFormParameters) { parameters in
                    let filter = try Open311RequestFilter(parameters: Array(parameters))
                    return .requests(
                        try requests.list(
                            filter, jurisdiction: Self.jurisdiction(parameters),
                            language: request.language))
                }
            }
            router.post(Self.prefix + "/requests" + suffix) { request, _ in
                try Self.answer(format, request, maximumFormParameters: maximumFormParameters) { parameters in
                    .receipt(
                        try intake.submit(
                            parameters: Array(parameters),
                            idempotencyKey: request.headers.first(name: "Idempotency-Key"),
                            language: request.language
                        ))
                }
            }
        }
        router.get(Self.prefix + "/services/:file") { request, context in
            try Self.answer(
                file: context.parameters.require("file"), request, maximumFormParameters: maximumFormParameters
            ) { code, parameters in
                if let jurisdiction = Self.jurisdiction(parameters) {
                    try catalog.requireJurisdiction(jurisdiction)
                }
                return .definition(try catalog.definition(service: code, language: request.language))
            }
        }
        // Some published Swagger files spell it `/request/{id}`; the spec says `/requests/{id}`. Both answer.
        for path in ["/requests/:file", "/request/:file"] {
            router.get(Self.prefix + path) { request, context in
                try Self.answer(
                    file: context.parameters.require("file"), request, maximumFormParameters: maximumFormParameters
                ) { id, _ in
                    .requests([try requests.request(id: id, language: request.language)])
                }
            }
        }
        router.get(Self.prefix + "/tokens/:file") { request, context in
            try Self.answer(
                file: context.parameters.require("file"), request, maximumFormParameters: maximumFormParameters
            ) { token, _ in
                .token(try requests.request(id: token, language: request.language).serviceRequestID)
            }
        }
    }

    /// Runs `body` with the request's parameters (the query, then a form body) and renders its document or the
    /// spec's error list in `format`.
    private static func answer(
        _ format: Open311Format, _ request: HTTPRequest, status: HTTPResponseStatus = .ok,
        maximumFormParameters: Int, _ body: (QueryParameters) throws -> Open311Document
    ) throws -> HTTPResponse {
        do {
            let parameters = try parameters(of: request, maximumFormParameters: maximumFormParameters)
            return format.response(try body(parameters), status: status)
        } catch let error as NafidhaError {
            return errorResponse(error, format: format, language: request.language)
        }
    }

    /// `answer` for `/resource/{name}.{fmt}`; an unknown suffix is a 404 in JSON.
    private static func answer(
        file: String, _ request: HTTPRequest, maximumFormParameters: Int,
        _ body: (String, QueryParameters) throws -> Open311Document
    ) throws -> HTTPResponse {
        guard let (name, format) = Open311Format.split(file) else {
            return errorResponse(NafidhaError(.notFound), format: .json, language: request.language)
        }
        return try answer(format, request, maximumFormParameters: maximumFormParameters) { parameters in
            try body(name, parameters)
        }
    }

    /// `jurisdiction_id`, nil when absent or empty (the spec's rule for optional parameters).
    private static func jurisdiction(_ parameters: QueryParameters) -> String? {
        parameters["jurisdiction_id"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The query's parameters followed by those of an `application/x-www-form-urlencoded` body, of which there may
    /// be `maximumFormParameters` at most (400 `invalid_parameters` beyond).
    private static func parameters(of request: HTTPRequest, maximumFormParameters: Int) throws -> QueryParameters {
        guard !request.body.isEmpty else { return request.query }
        let contentType = request.headers.first(name: "Content-Type")?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw NafidhaError(.unsupportedMediaType)
        }
        let form: QueryParameters
        do {
            form = try QueryParameters(parsing: String(decoding: request.body, as: UTF8.self))
        } catch {
            throw NafidhaError(.invalidForm)
        }
        let fields = Array(form)
        guard fields.count <= maximumFormParameters else {
            throw NafidhaError(.invalidParameters, fields: ["body": .tooMany(maximum: maximumFormParameters)])
        }
        return QueryParameters(Array(request.query) + fields)
    }

    private static func errorResponse(_ error: NafidhaError, format: Open311Format, language: Language) -> HTTPResponse
    {
        // GeoReport v2 answers 403 for a missing key and 400 for every invalid input, validation included.
        let status =
            switch error.status {
            case 401: HTTPResponseStatus.forbidden
            case 422: HTTPResponseStatus.badRequest
            case let code: HTTPResponseStatus(code: code)
            }
        let descriptions =
            error.fields.isEmpty
            ? [error.message.text(in: language)]
            : error.fields.keys.sorted().map { "\($0): \(error.fields[$0]!.text(in: language))" }
        return format.response(.errors(status: Int(status.code), descriptions: descriptions), status: status)
    }
}
