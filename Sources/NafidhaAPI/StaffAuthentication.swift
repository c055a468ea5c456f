import HTTP
import NafidhaContract
import NafidhaCore

/// The staff routes' one authentication: the `Authorization: Bearer <token>` header (read by HTTP's one RFC 6750
/// parser) checked against the staff directory, once per request, for the groups of `Routes.staffPrefixes`, and
/// counted by the staff tokens' `FailedAuthThrottle`.
///
/// The outcome goes into the context rather than being thrown here: every staff route raises a refusal (401
/// `invalid_token`, 400 for a malformed or repeated header, 429 `too_many_attempts` for a client that failed too
/// often) before it reads anything else (`ContractRouter`), and its handler reads the member as `context.staff`; but
/// a path or method no route has under these prefixes keeps answering 404 or 405, as the API always has (the
/// contract's tests pin `DELETE /v1/staff/me` at 405).
struct StaffAuthentication: HTTPMiddleware {
    let directory: StaffDirectory
    let throttle: FailedAuthThrottle

    func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        let outcome = Result<StaffMember, any Error> {
            let token = try request.bearerToken
            return try throttle.attempt(request, context, presented: token != nil, failure: .invalidToken) {
                try directory.authenticate(token: token ?? "")
            }
        }
        var context = context
        context.staffAuthentication = outcome
        // The access log names the staff member by id only: never the token, the name or the login.
        if case .success(let member) = outcome {
            context.core.identify(user: String(member.id))
        }
        return try next(request, context)
    }
}
