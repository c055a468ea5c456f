import HTTP
import NafidhaCore

/// Who is calling a staff route: the `Authorization: Bearer <token>` header checked against the staff directory.
struct StaffAuthentication: Sendable {
    let directory: StaffDirectory

    /// The authenticated staff member; a missing or refused token throws 401 `invalid_token`, a malformed or
    /// repeated `Authorization` header 400 (see `HTTPRequest.bearerToken`).
    func member(of request: HTTPRequest) throws -> StaffMember {
        try directory.authenticate(token: request.bearerToken ?? "")
    }
}
