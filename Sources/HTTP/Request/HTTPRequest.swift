/// A complete request as handlers see it: the parsed head and the whole body (bounded by the body limit).
public struct HTTPRequest: Sendable {
    /// The parsed request line and header fields.
    public var head: HTTPRequestHead
    /// The request body, de-chunked; empty when there was none, and on routes with a streaming body.
    public var body: [UInt8]
    /// The body as it arrives, on routes registered with a streaming body (nil on others).
    public var bodyReader: HTTPBodyReader?

    /// Creates a request from a parsed head and its body.
    public init(head: HTTPRequestHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    /// A request whose body streams through `bodyReader`.
    init(head: HTTPRequestHead, bodyReader: HTTPBodyReader) {
        self.init(head: head)
        self.bodyReader = bodyReader
    }

    /// The method as sent, e.g. `"GET"`.
    public var method: String { head.method }
    /// The percent-decoded path, without the query.
    public var path: String { head.path }
    /// The decoded query parameters.
    public var query: QueryParameters { head.query }
    /// The header fields, in the order received.
    public var headers: HTTPHeaders { head.headers }
}
