/// A response status: the code and its reason phrase.
public struct HTTPResponseStatus: Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The three-digit status code.
    public var code: Int
    /// The reason phrase sent on the status line.
    public var reasonPhrase: String

    /// Creates a status with the standard reason phrase for `code` (or a generic one).
    public init(code: Int) {
        self.code = code
        self.reasonPhrase = Self.standardPhrase(code)
    }

    /// Creates a status with a custom reason phrase.
    public init(code: Int, reasonPhrase: String) {
        self.code = code
        self.reasonPhrase = reasonPhrase
    }

    /// Creates a status from an integer literal, e.g. `404`.
    public init(integerLiteral value: Int) {
        self.init(code: value)
    }

    /// `"404 Not Found"`.
    public var description: String { "\(code) \(reasonPhrase)" }

    /// Whether a response with this status carries no body (RFC 9110 §6.4.1: 1xx, 204, 304).
    var forbidsBody: Bool { code < 200 || code == 204 || code == 304 }

    /// 200 OK.
    public static let ok = HTTPResponseStatus(code: 200)
    /// 201 Created.
    public static let created = HTTPResponseStatus(code: 201)
    /// 202 Accepted.
    public static let accepted = HTTPResponseStatus(code: 202)
    /// 204 No Content.
    public static let noContent = HTTPResponseStatus(code: 204)
    /// 304 Not Modified.
    public static let notModified = HTTPResponseStatus(code: 304)
    /// 400 Bad Request.
    public static let badRequest = HTTPResponseStatus(code: 400)
    /// 401 Unauthorized.
    public static let unauthorized = HTTPResponseStatus(code: 401)
    /// 403 Forbidden.
    public static let forbidden = HTTPResponseStatus(code: 403)
    /// 404 Not Found.
    public static let notFound = HTTPResponseStatus(code: 404)
    /// 405 Method Not Allowed.
    public static let methodNotAllowed = HTTPResponseStatus(code: 405)
    /// 409 Conflict.
    public static let conflict = HTTPResponseStatus(code: 409)
    /// 413 Content Too Large.
    public static let contentTooLarge = HTTPResponseStatus(code: 413)
    /// 422 Unprocessable Content.
    public static let unprocessableContent = HTTPResponseStatus(code: 422)
    /// 429 Too Many Requests.
    public static let tooManyRequests = HTTPResponseStatus(code: 429)
    /// 500 Internal Server Error.
    public static let internalServerError = HTTPResponseStatus(code: 500)
    /// 503 Service Unavailable.
    public static let serviceUnavailable = HTTPResponseStatus(code: 503)

    private static func standardPhrase(_ code: Int) -> String {
        switch code {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status \(code)"
        }
    }
}
