extension HTTPRequest {
    /// The token of `Authorization: Bearer <token>` (RFC 6750 §2.1), or nil when the request carries no bearer
    /// credentials.
    ///
    /// The scheme is case-insensitive and followed by one or more spaces and exactly one `b64token`
    /// (`A-Z a-z 0-9 - . _ ~ + /`, then any `=`). Throws 400 with `WWW-Authenticate: Bearer error="invalid_request"`
    /// (RFC 6750 §3.1: a malformed request is `invalid_request`, answered 400):
    /// - `duplicate_authorization` when `Authorization` is present more than once;
    /// - `invalid_authorization` when it is empty or says `Bearer` without exactly one well-formed token.
    ///
    /// Another scheme (`Basic ...`) is nil, not an error: RFC 6750 §3.1 asks that a request without bearer
    /// credentials get no error code, so the route answers it as it answers a missing header (401).
    public var bearerToken: String? {
        get throws(HTTPError) {
            let values = headers["Authorization"]
            guard let value = values.first else { return nil }
            guard values.count == 1 else {
                throw Self.authorizationError(
                    code: "duplicate_authorization", "The Authorization header must be sent at most once.")
            }
            let bytes = Array(value.utf8)
            let schemeEnd = bytes.firstIndex(of: ASCII.space) ?? bytes.count
            let scheme = bytes[..<schemeEnd]
            guard !scheme.isEmpty, scheme.allSatisfy(ASCII.isTokenChar) else {
                throw Self.authorizationError(
                    code: "invalid_authorization", "The Authorization header does not start with a scheme.")
            }
            guard scheme.lazy.map(ASCII.lowercased).elementsEqual("bearer".utf8) else { return nil }
            var tokenStart = schemeEnd
            while tokenStart < bytes.count, bytes[tokenStart] == ASCII.space { tokenStart += 1 }
            let token = bytes[tokenStart...]
            guard tokenStart > schemeEnd, Self.isBase64Token(token) else {
                throw Self.authorizationError(
                    code: "invalid_authorization", "The Authorization header must be Bearer followed by one token.")
            }
            return String(decoding: token, as: UTF8.self)
        }
    }

    /// `b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="` (RFC 6750 §2.1).
    private static func isBase64Token(_ token: ArraySlice<UInt8>) -> Bool {
        let padding = token.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        let body = token.dropLast(padding)
        return !body.isEmpty
            && body.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                    true
                default:
                    false
                }
            }
    }

    private static func authorizationError(code: String, _ message: String) -> HTTPError {
        HTTPError(
            .badRequest, code: code, message: message,
            headers: HTTPHeaders([(name: "WWW-Authenticate", value: #"Bearer error="invalid_request""#)]))
    }
}
