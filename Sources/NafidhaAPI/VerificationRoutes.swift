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

    func register(on api: ContractRouter) {
        api.register(Routes.verifyCode) { request, context in
            try limit(request, context)
            return try decisions.verify(code: try context.parameter("code"))
        }
        // A body that does not decode is refused before the bucket is touched: only verifications are counted.
        api.register(Routes.verifyDocument) { request, document, context in
            try limit(request, context)
            return try decisions.verify(document: document)
        }
    }

    /// Takes one verification from the client's bucket, or refuses with 429 and when to retry.
    private func limit(_ request: HTTPRequest, _ context: APIContext) throws {
        guard let wait = limiter.take(client: context.clientAddress) else { return }
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        var refusal = HTTPError(NafidhaError(.tooManyVerifications), language: request.language)
        refusal.headers.add(name: "Retry-After", value: String(max(1, Int(seconds.rounded(.up)))))
        throw refusal
    }
}
