import HTTP
import NafidhaCore

/// The citizen's tracking API: `GET /v1/requests/{tracking}`, `POST /v1/requests/{tracking}/replies` and
/// `POST /v1/requests/{tracking}/cancel`, each with `Authorization: Bearer <access_token>`. Every failure to
/// authenticate answers the same 404 `request_not_found`.
struct RequestTrackingRoutes: Sendable {
    let tracking: RequestTracking
    let engine: WorkflowEngine

    /// A citizen's answer to a request for information.
    private struct ReplyBody: Decodable {
        var message: String
        var fields: [String: JSONValue]?
    }

    func register(on router: inout Router) {
        router.get("/v1/requests/:tracking") { request, context in
            let number = try context.parameters.require("tracking")
            return try .json(encoding: tracking.view(tracking: number, token: request.bearerToken, language: request.language))
        }
        router.post("/v1/requests/:tracking/replies") { request, context in
            let number = try context.parameters.require("tracking")
            let citizen = try tracking.authenticate(tracking: number, token: request.bearerToken)
            let body = try JSONCoding.decode(ReplyBody.self, from: request.body)
            try engine.reply(toRequest: citizen.id, by: citizen.actor, message: body.message, fields: body.fields ?? [:])
            return try .json(encoding: tracking.view(tracking: number, token: request.bearerToken, language: request.language))
        }
        router.post("/v1/requests/:tracking/cancel") { request, context in
            let number = try context.parameters.require("tracking")
            let citizen = try tracking.authenticate(tracking: number, token: request.bearerToken)
            try engine.cancel(request: citizen.id, by: citizen.actor)
            return try .json(encoding: tracking.view(tracking: number, token: request.bearerToken, language: request.language))
        }
    }
}

extension HTTPRequest {
    /// The token of `Authorization: Bearer <token>` (scheme case-insensitive, RFC 6750 §2.1), or nil.
    var bearerToken: String? {
        guard let value = headers.first(name: "Authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
