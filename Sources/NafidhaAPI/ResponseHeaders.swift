import HTTP

/// The API's headers on every answer, errors included (docs/api.md, "Response headers"), beside the server's
/// `X-Content-Type-Options: nosniff`:
///
/// - `Cache-Control: no-store`, unless the route set its own: answers carry personal data (a receipt, a tracking
///   view, staff views, searches, exports, reports) or tokens, and no cache, shared or private, may keep them; the
///   public catalog is cheap to ask again, so one rule covers all;
/// - `Content-Security-Policy` on HTML (the reports): no script, no fetch, no frame, no form, nothing from anywhere,
///   inline styles and inline SVG only, so a stored text that escaped escaping still could run nothing.
struct ResponseHeaders: HTTPMiddleware {
    /// The policy of every HTML answer.
    static let htmlPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'none'"

    func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        do {
            var response = try next(request, context)
            Self.add(to: &response.headers)
            return response
        } catch var error as HTTPError {
            Self.add(to: &error.headers)
            throw error
        }
    }

    private static func add(to headers: inout HTTPHeaders) {
        if headers.first(name: "Cache-Control") == nil {
            headers.add(name: "Cache-Control", value: "no-store")
        }
        let type = headers.first(name: "Content-Type")?.lowercased() ?? ""
        if type.hasPrefix("text/html"), headers.first(name: "Content-Security-Policy") == nil {
            headers.add(name: "Content-Security-Policy", value: htmlPolicy)
        }
    }
}
