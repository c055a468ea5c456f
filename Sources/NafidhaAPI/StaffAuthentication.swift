import HTTP
import NafidhaCore

/// Who is calling a staff route: the `Authorization: Bearer <token>` header checked against the staff directory.
struct StaffAuthentication: Sendable {
    let directory: StaffDirectory

    /// The authenticated staff member; a missing, malformed or refused token throws 401 `invalid_token`.
    func member(of request: HTTPRequest) throws -> StaffMember {
        let header = request.headers.first(name: "Authorization") ?? ""
        let scheme = "bearer "
        guard header.count > scheme.count, header.prefix(scheme.count).lowercased() == scheme else {
            return try directory.authenticate(token: "")
        }
        return try directory.authenticate(
            token: String(header.dropFirst(scheme.count)).trimmingCharacters(in: .whitespaces))
    }
}
