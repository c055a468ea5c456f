/// An error that is an HTTP answer: thrown by handlers, rendered as `{"error":{"code":...,"message":...}}`.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    /// The response status.
    public var status: HTTPResponseStatus
    /// A stable machine-readable code, e.g. `"not_found"`.
    public var code: String
    /// One human sentence; sent to the client, so it must not leak internals.
    public var message: String
    /// Extra header fields for the response, e.g. `Allow` or `Retry-After`.
    public var headers: HTTPHeaders
    /// Extra members inside `"error"`, each a name and its value as pre-encoded JSON text (e.g. a `fields` object).
    public var extraJSON: [(name: String, json: String)]

    /// Creates an HTTP error.
    public init(
        _ status: HTTPResponseStatus,
        code: String,
        message: String,
        headers: HTTPHeaders = HTTPHeaders(),
        extraJSON: [(name: String, json: String)] = []
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.extraJSON = extraJSON
    }

    /// `"404 not_found: No route matches /x."`.
    public var description: String { "\(status.code) \(code): \(message)" }

    /// The JSON response this error becomes.
    public var response: HTTPResponse {
        var text = #"{"error":{"code":"#
        JSONText.appendString(code, to: &text)
        text += #","message":"#
        JSONText.appendString(message, to: &text)
        for member in extraJSON {
            text += ","
            JSONText.appendString(member.name, to: &text)
            text += ":"
            text += member.json
        }
        text += "}}"
        var response = HTTPResponse.json(text, status: status)
        for field in headers {
            response.headers.add(name: field.name, value: field.value)
        }
        return response
    }
}

extension HTTPError {
    /// 404 `not_found`.
    public static func notFound(_ message: String = "No resource matches the request path.") -> HTTPError {
        HTTPError(.notFound, code: "not_found", message: message)
    }

    /// 400 `bad_request`.
    public static func badRequest(_ message: String, code: String = "bad_request") -> HTTPError {
        HTTPError(.badRequest, code: code, message: message)
    }

    /// 500 `internal_error`: what any unexpected error becomes, without details.
    public static let unexpected = HTTPError(
        .internalServerError, code: "internal_error", message: "The server failed to handle the request."
    )

    /// 503 `overloaded` with `Retry-After`: the worker queue is full.
    static func overloaded(retryAfterSeconds: Int) -> HTTPError {
        HTTPError(
            .serviceUnavailable, code: "overloaded", message: "The server is busy; retry shortly.",
            headers: HTTPHeaders([(name: "Retry-After", value: String(retryAfterSeconds))])
        )
    }
}
