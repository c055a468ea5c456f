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
                throw NafidhaError(.invalidIdempotencyKey)
            }
            let body = try JSONCoding.decode(JSONValue.self, from: request.body)
            let result = try submissions.submit(Submission(body: body), channel: .api, idempotencyKey: keys.first)
            var response = try HTTPResponse.json(encoding: result.receipt, status: .created)
            response.headers.add(name: "Location", value: "/v1/requests/\(result.receipt.trackingNumber)")
            // The body of a replay equals the first answer; this header only tells the client it is one.
            if result.replayed {
                response.headers.add(name: "Idempotent-Replayed", value: "true")
            }
            return response
        }
    }
}
