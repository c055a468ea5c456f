/// The answer to `POST requests.{fmt}`: the request's id (its tracking number) and the client's own account id.
public struct Open311Receipt: Sendable, Equatable {
    /// The tracking number.
    public var serviceRequestID: String
    /// When the request is due, in the client's language; Open311 calls it the service notice.
    public var serviceNotice: String
    /// The `account_id` the client sent, echoed.
    public var accountID: String?
    /// True when an earlier POST with the same `Idempotency-Key` and parameters created the request.
    public var replayed: Bool
}
