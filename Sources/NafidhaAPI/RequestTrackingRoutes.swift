import HTTP
import NafidhaContract
import NafidhaCore

/// The citizen's tracking API: `GET /v1/requests/{tracking}`, `POST /v1/requests/{tracking}/replies` and
/// `POST /v1/requests/{tracking}/cancel`, each with `Authorization: Bearer <access_token>`. Every failure to
/// authenticate answers the same 404 `request_not_found`.
struct RequestTrackingRoutes: Sendable {
    let tracking: RequestTracking
    let engine: WorkflowEngine

    func register(on api: ContractRouter) {
        api.register(Routes.trackedRequest) { request, context in
            let citizen = try Citizen(request, context)
            return try tracking.view(tracking: citizen.tracking, token: citizen.token, language: request.language)
        }
        api.register(Routes.reply) { request, body, context in
            let citizen = try Citizen(request, context)
            try engine.reply(
                for: try tracking.authenticate(tracking: citizen.tracking, token: citizen.token), message: body.message,
                fields: body.fields ?? [:])
            return try tracking.view(tracking: citizen.tracking, token: citizen.token, language: request.language)
        }
        api.register(Routes.cancel) { request, context in
            let citizen = try Citizen(request, context)
            try engine.cancel(for: try tracking.authenticate(tracking: citizen.tracking, token: citizen.token))
            return try tracking.view(tracking: citizen.tracking, token: citizen.token, language: request.language)
        }
    }

    /// What the citizen presents: the tracking number of the path and the access token of `Authorization: Bearer`
    /// (read by HTTP's one RFC 6750 parser; a malformed or repeated header is 400, a missing one a 404 later).
    private struct Citizen {
        let tracking: String
        let token: String?

        init(_ request: HTTPRequest, _ context: APIContext) throws {
            tracking = try context.parameter("tracking")
            token = try request.bearerToken
        }
    }
}
