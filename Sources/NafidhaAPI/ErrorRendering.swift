import HTTP
import NafidhaContract
import NafidhaCore

/// Turns the service layer's errors into a JSON error in the client's language, in one place: a `NafidhaError`
/// as it is, an unreachable database as 503 `database_unavailable` on every route (`NafidhaError(translating:)`
/// decides, in the service layer); anything else goes on to the server's 500, described for its log without the
/// values it may carry (`LoggedError`). A 401 says how to authenticate (`WWW-Authenticate`, RFC 6750 §3).
struct ErrorRendering: HTTPMiddleware {
    func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        do {
            return try next(request, context)
        } catch let error as HTTPError {
            throw error
        } catch {
            guard let translated = NafidhaError(translating: error) else { throw LoggedError(error) }
            var rendered = HTTPError(translated, language: request.language)
            if translated.code == .invalidToken {
                rendered.headers.add(name: "WWW-Authenticate", value: Self.challenge(for: request))
            }
            throw rendered
        }
    }

    /// The bearer challenge of a 401: with `error="invalid_token"` when a token was presented, without an error
    /// code when none was (RFC 6750 §3.1: a request that carries no credentials gets none).
    static func challenge(for request: HTTPRequest) -> String {
        let presented = ((try? request.bearerToken) ?? nil) != nil
        return presented ? #"Bearer realm="nafidha", error="invalid_token""# : #"Bearer realm="nafidha""#
    }
}

extension HTTPError {
    /// The HTTP form of a service-layer error, its message and field reasons in `language`.
    init(_ error: NafidhaError, language: Language) {
        var extra: [(name: String, json: String)] = []
        if !error.fields.isEmpty {
            let reasons = error.fields.mapValues { $0.text(in: language) }
            // A dictionary of strings always encodes.
            let json = (try? ContractJSON.encode(reasons)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            extra.append((name: "fields", json: json))
        }
        self.init(
            HTTPResponseStatus(code: error.status), code: error.code.rawValue,
            message: error.message.text(in: language), extraJSON: extra)
    }
}
