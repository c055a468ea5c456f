import HTTP
import NafidhaContract
import NafidhaCore

/// The citizen's tracking API: `GET /v1/requests/{tracking}`, `POST /v1/requests/{tracking}/replies` and
/// `POST /v1/requests/{tracking}/cancel`, each with `Authorization: Bearer <access_token>`. Every failure to
/// authenticate answers the same 404 `request_not_found`.
struct RequestTrackingRoutes: Sendable {
    let tracking: RequestTracking
    let engine: WorkflowEngine

    func register(on router: inout Router) {
        router.get("/v1/requests/:tracking") { request, context in
            let number = try context.parameters.require("tracking")
            return try .json(
                encoding: tracking.view(tracking: number, token: request.bearerToken, language: request.language))
        }
        router.post("/v1/requests/:tracking/replies") { request, context in
            let number = try context.parameters.require("tracking")
            let citizen = try tracking.authenticate(tracking: number, token: request.bearerToken)
            let body = try JSONCoding.decode(Tracking.ReplyBody.self, from: request.body)
            try engine.reply(for: citizen, message: body.message, fields: body.fields ?? [:])
            return try .json(
                encoding: tracking.view(tracking: number, token: request.bearerToken, language: request.language))
        }
        router.post("/v1/requests/:tracking/cancel") { request, context in
            let number = try context.parameters.require("tracking")
            let citizen = try tracking.authenticate(tracking: number, token: request.bearerToken)
            try engine.cancel(for: citizen)
            return try .json(
                encoding: tracking.view(tracking: number, token: request.bearerToken, language: request.language))
        }
    }
}
