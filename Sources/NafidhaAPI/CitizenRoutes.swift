import HTTP
import NafidhaContract
import NafidhaCore

/// The citizen's phone sign-in and ratings (docs/citizens.md): `POST /v1/citizen/codes`, `POST /v1/citizen/sessions`,
/// `DELETE /v1/citizen/sessions/current`, `GET /v1/citizen/requests` and `POST /v1/requests/{tracking}/rating`.
/// Wrong codes, unknown session tokens and failed tracking authentications count against the client in the citizen
/// tokens' `FailedAuthThrottle`, as on the tracking routes.
struct CitizenRoutes: Sendable {
    let signIn: CitizenSignIn
    let requests: CitizenRequests
    let tracking: RequestTracking
    let ratings: RequestRatings
    let throttle: FailedAuthThrottle

    func register(on api: ContractRouter) {
        api.register(Routes.citizenCodes) { request, body, context in
            let outcome = try signIn.sendCode(
                phone: body.phone, language: body.language ?? request.language,
                client: FailedAuthThrottle.client(context.clientAddress))
            switch outcome {
            case .sent(let sent):
                return Answer(sent, status: .accepted)
            case .limited(let seconds):
                var refusal = HTTPError(NafidhaError(.tooManySignInCodes), language: request.language)
                refusal.headers.add(name: "Retry-After", value: String(seconds))
                throw refusal
            }
        }
        api.register(Routes.citizenSessions) { request, body, context in
            let session = try throttle.attempt(request, context, presented: true, failure: .invalidSignInCode) {
                try signIn.signIn(phone: body.phone, code: body.code)
            }
            return Answer(session, status: .created)
        }
        api.register(Routes.currentCitizenSession) { request, context in
            let token = try request.bearerToken
            try throttle.attempt(request, context, presented: token != nil, failure: .invalidSession) {
                try signIn.signOut(session: token)
            }
            return Citizen.SignedOut()
        }
        api.register(Routes.citizenRequests) { request, context in
            let token = try request.bearerToken
            let limit = try Self.limit(request.query)
            return try throttle.attempt(request, context, presented: token != nil, failure: .invalidSession) {
                try requests.page(
                    session: token, cursor: request.query["cursor"], limit: limit, language: request.language)
            }
        }
        api.register(Routes.rating) { request, body, context in
            let number = try context.parameter("tracking")
            let token = try request.bearerToken
            let access = try throttle.attempt(request, context, presented: token != nil, failure: .requestNotFound) {
                try tracking.authenticate(tracking: number, token: token)
            }
            return Answer(try ratings.rate(access, score: body.score, comment: body.comment), status: .created)
        }
    }

    /// `limit`, a whole number from 1 (larger pages are cut to the maximum), or nil.
    private static func limit(_ parameters: QueryParameters) throws -> Int? {
        guard let text = parameters["limit"] else { return nil }
        guard let limit = Int(text), limit >= 1 else {
            throw NafidhaError(
                .invalidQuery, message: ErrorCode.Message.invalidQuery(parameter: "limit", expected: .positiveInteger))
        }
        return limit
    }
}
