import HTTP
import NafidhaContract
import NafidhaCore

/// `POST /v1/requests`: a citizen files a request (docs/api-intake.md).
struct SubmissionRoutes: Sendable {
    let submissions: SubmissionService

    func register(on router: inout Router) {
        router.post("/v1/requests") { request, _ in
            let keys = request.headers["Idempotency-Key"]
            guard keys.count <= 1 else {
                throw NafidhaError(.badRequest, code: "invalid_idempotency_key", message: Self.repeatedKey)
            }
            let body = try JSONCoding.decode(JSONValue.self, from: request.body)
            // The notifications speak the negotiated language unless the body names one.
            let result = try submissions.submit(
                Submission(body: body), channel: .api, idempotencyKey: keys.first, language: request.language)
            var response = try HTTPResponse.json(encoding: result.receipt, status: .created)
            response.headers.add(name: "Location", value: "/v1/requests/\(result.receipt.trackingNumber)")
            // The body of a replay equals the first answer; this header only tells the client it is one.
            if result.replayed {
                response.headers.add(name: "Idempotent-Replayed", value: "true")
            }
            return response
        }
    }

    private static let repeatedKey = LocalizedText(
        ar: "يجب إرسال ترويسة Idempotency-Key مرة واحدة فقط.",
        fr: "L'en-tête Idempotency-Key doit être envoyé une seule fois.",
        en: "The Idempotency-Key header must be sent once at most."
    )
}
