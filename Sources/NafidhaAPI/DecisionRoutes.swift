import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /v1/requests/{tracking}/decision` with the citizen's access token (docs/verification.md): the decision
/// document as a printable page (`?lang=ar|fr|en`, else `Accept-Language`), or `?format=json`. Personal data,
/// so never cached; the page runs no script and loads nothing. A wrong token counts against the client in the citizen
/// tokens' `FailedAuthThrottle`, shared with the tracking routes.
struct DecisionRoutes: Sendable {
    let decisions: DecisionService
    let throttle: FailedAuthThrottle

    /// What `Retry-After` asks of a decision not yet in a signed checkpoint: the checkpointer signs within a minute.
    static let retryAfterSeconds = 60

    func register(on api: ContractRouter) {
        // One template, two formats: the query chooses, so the handler makes its own response.
        api.register(Routes.decisionPage.template) { request, context in
            let format = request.query["format"] ?? "html"
            guard format == "html" || format == "json" else { throw Self.invalidQuery("format", ["html", "json"]) }
            let language = try Self.language(of: request)
            let tracking = try context.parameter("tracking")
            let token = try request.bearerToken
            let document: Decisions.Document
            do {
                document = try throttle.attempt(
                    request, context, presented: token != nil, failure: .requestNotFound
                ) { try decisions.document(tracking: tracking, token: token) }
            } catch let error as NafidhaError where error.code == .decisionNotYetLogged {
                var refusal = HTTPError(error, language: language)
                refusal.headers.add(name: "Retry-After", value: String(Self.retryAfterSeconds))
                throw refusal
            }
            var response: HTTPResponse
            if format == "json" {
                response = .json(bytes: try ContractJSON.encode(document), status: .ok)
            } else {
                let page = DecisionPage(document: document, language: language, host: decisions.host ?? "")
                response = HTTPResponse(status: .ok, body: .bytes(Array(try page.html().utf8)))
                response.headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
                response.headers.add(name: "Content-Security-Policy", value: page.contentSecurityPolicy)
                response.headers.add(name: "Referrer-Policy", value: "no-referrer")
            }
            response.headers.add(name: "Cache-Control", value: "no-store")
            response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
            return response
        }
    }

    /// `?lang=` when given (ar, fr or en), else the `Accept-Language` choice.
    private static func language(of request: HTTPRequest) throws -> Language {
        guard let text = request.query["lang"] else { return request.language }
        guard let language = Language(rawValue: text) else {
            throw invalidQuery("lang", Language.allCases.map(\.rawValue))
        }
        return language
    }

    private static func invalidQuery(_ parameter: String, _ words: [String]) -> NafidhaError {
        NafidhaError(
            .invalidQuery, message: ErrorCode.Message.invalidQuery(parameter: parameter, expected: .oneOf(words)))
    }
}
