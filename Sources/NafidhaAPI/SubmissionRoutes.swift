import HTTP
import NafidhaContract
import NafidhaCore

/// `POST /v1/requests`: a citizen files a request (docs/api-intake.md).
struct SubmissionRoutes: Sendable {
    let submissions: SubmissionService

    func register(on api: ContractRouter) {
        // The body is read as any JSON: intake checks it member by member and reports every problem at once.
        api.register(Routes.submit, reading: JSONValue.self) { request, body, _ in
            let keys = request.headers["Idempotency-Key"]
            guard keys.count <= 1 else { throw NafidhaError(.invalidIdempotencyKey) }
            // The notifications speak the negotiated language unless the body names one.
            let result = try submissions.submit(
                Submission(body: body), channel: .api, idempotencyKey: keys.first, language: request.language)
            var headers = HTTPHeaders()
            headers.add(name: "Location", value: Routes.trackedRequest(result.receipt.trackingNumber).path)
            // The body of a replay equals the first answer; this header only tells the client it is one.
            if result.replayed {
                headers.add(name: "Idempotent-Replayed", value: "true")
            }
            return Answer(result.receipt, status: .created, headers: headers)
        }
    }
}
