import HTTP
import NafidhaContract
import NafidhaCore

/// The request context of Nafidha's routes: the server's part, and what `StaffAuthentication`, the one middleware
/// of the staff groups, found for the bearer token.
public struct APIContext: RequestContextProtocol {
    /// The server's part: request id, the route's parameters, the peer.
    public var core: RequestContext
    /// Set by `StaffAuthentication` in the staff groups: the staff member, or why there is none (401
    /// `invalid_token`, a malformed `Authorization` header's 400, an unreachable database); nil on other routes.
    var staffAuthentication: Result<StaffMember, any Error>?

    /// The context of one request, before any middleware ran.
    public init(core: RequestContext) {
        self.core = core
    }

    /// The staff member calling, or the error that refused the token. Only the staff groups authenticate, so a
    /// handler registered elsewhere by mistake fails closed with 401 `invalid_token` rather than acting for nobody.
    var staff: StaffMember {
        get throws {
            guard let staffAuthentication else { throw NafidhaError(.invalidToken) }
            return try staffAuthentication.get()
        }
    }

    /// The route's `:task` parameter as a task id; anything else is a task that does not exist (404).
    func taskID() throws(NafidhaError) -> Int64 {
        guard let text = parameters["task"], let id = Int64(text), id > 0 else { throw NafidhaError(.taskNotFound) }
        return id
    }

    /// The route's `:name` parameter (`tracking`, `code`, ...), which its template guarantees.
    func parameter(_ name: String) throws -> String {
        try parameters.require(name)
    }
}
