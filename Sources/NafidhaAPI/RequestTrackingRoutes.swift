import HTTP
import NafidhaContract
import NafidhaCore

/// The citizen's tracking API: `GET /v1/requests/{tracking}`, `POST /v1/requests/{tracking}/replies` and
/// `POST /v1/requests/{tracking}/cancel`, each with `Authorization: Bearer <access_token>`. Every failure to
/// authenticate answers the same 404 `request_not_found`, and counts against the client in the citizen tokens'
/// `FailedAuthThrottle`.
struct RequestTrackingRoutes: Sendable {
    let tracking: RequestTracking
    let engine: WorkflowEngine
    let throttle: FailedAuthThrottle

    func register(on api: ContractRouter) {
        api.register(Routes.trackedRequest) { request, context in
            let citizen = try Citizen(request, context)
            return try authenticated(citizen, request, context) {
                try tracking.view(tracking: citizen.tracking, token: citizen.token, language: request.language)
            }
        }
        api.register(Routes.reply) { request, body, context in
            let citizen = try Citizen(request, context)
            let access = try authenticated(citizen, request, context) {
                try tracking.authenticate(tracking: citizen.tracking, token: citizen.token)
            }
            try engine.reply(
                for: access, message: body.message, fields: body.fields ?? [:], documents: body.documents ?? [])
            return try tracking.view(tracking: citizen.tracking, token: citizen.token, language: request.language)
        }
        api.register(Routes.cancel) { request, context in
            let citizen = try Citizen(request, context)
            let access = try authenticated(citizen, request, context) {
                try tracking.authenticate(tracking: citizen.tracking, token: citizen.token)
            }
            try engine.cancel(for: access)
            return try tracking.view(tracking: citizen.tracking, token: citizen.token, language: request.language)
        }
    }

    /// Runs the authentication `attempt` of `citizen` through the throttle: a `request_not_found` with a token
    /// presented is a failed guess.
    func authenticated<T>(
        _ citizen: Citizen, _ request: HTTPRequest, _ context: APIContext, _ attempt: () throws -> T
    ) throws -> T {
        try throttle.attempt(
            request, context, presented: citizen.token != nil, failure: .requestNotFound, attempt)
    }

    /// What the citizen presents: the tracking number of the path and the access token of `Authorization: Bearer`
    /// (read by HTTP's one RFC 6750 parser; a malformed or repeated header is 400, a missing one a 404 later).
    struct Citizen {
        let tracking: String
        let token: String?

        init(_ request: HTTPRequest, _ context: APIContext) throws {
            tracking = try context.parameter("tracking")
            token = try request.bearerToken
        }
    }
}
