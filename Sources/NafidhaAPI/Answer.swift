import HTTP

/// What a route's handler answers when the route's value is not all: another status (`201 Created`) or headers
/// (`Location`, `Content-Language`).
struct Answer<Value: Encodable & Sendable> {
    /// The route's response value.
    var value: Value
    /// The status; 200 unless said.
    var status: HTTPResponseStatus
    /// Headers beside `Content-Type`.
    var headers: HTTPHeaders

    /// An answer of `value`.
    init(_ value: Value, status: HTTPResponseStatus = .ok, headers: HTTPHeaders = HTTPHeaders()) {
        self.value = value
        self.status = status
        self.headers = headers
    }
}
