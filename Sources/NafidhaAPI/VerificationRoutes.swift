import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// The public verification of decisions (docs/verification.md): `GET /v1/verify/{code}` for the code of a page's QR
/// Code, `POST /v1/verify` for a decision document in JSON. No login; each client address has a token bucket
/// (`VerificationRateLimiter`), beyond which the answer is 429 `too_many_verifications` with `Retry-After`. The
/// answers show the decision's facts, never the applicant.
struct VerificationRoutes: Sendable {
    let decisions: DecisionService
    let limiter: VerificationRateLimiter

    func register(on router: inout Router) {
        router.get("/v1/verify/:code") { request, context in
            try limit(request, context)
            return try .json(encoding: try decisions.verify(code: try context.parameters.require("code")))
        }
        router.post("/v1/verify") { request, context in
            try limit(request, context)
            let document = try JSONCoding.decode(Decisions.Document.self, from: request.body)
            return try .json(encoding: try decisions.verify(document: document))
        }
    }

    /// Takes one verification from the client's bucket, or refuses with 429 and when to retry.
    private func limit(_ request: HTTPRequest, _ context: RequestContext) throws {
        guard let wait = limiter.take(client: context.remoteAddress) else { return }
        let seconds = max(
            1,
            Int(
                (Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
                    .rounded(.up)))
        let code = ErrorCode.tooManyVerifications
        throw HTTPError(
            .tooManyRequests, code: code.rawValue, message: code.message.text(in: request.language),
            headers: HTTPHeaders([(name: "Retry-After", value: String(seconds))]))
    }
}
