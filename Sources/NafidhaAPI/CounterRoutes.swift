import HTTP
import NafidhaContract
import NafidhaCore

/// `POST /v1/staff/requests`: a clerk or supervisor files a request for a citizen at the counter (docs/counter.md),
/// in the authenticated staff groups. The body, the receipt, the headers and the refusals are the citizen's route's.
struct CounterRoutes: Sendable {
    let submissions: SubmissionService

    func register(on staff: ContractRouter) {
        // The body is read as any JSON, as on the citizen's route: intake reports every problem at once.
        staff.register(Routes.counterSubmit, reading: JSONValue.self) { request, body, context in
            let keys = request.headers["Idempotency-Key"]
            guard keys.count <= 1 else { throw NafidhaError(.invalidIdempotencyKey) }
            let result = try submissions.file(
                Submission(body: body), atCounter: try context.staff, idempotencyKey: keys.first,
                language: request.language)
            var headers = HTTPHeaders()
            headers.add(name: "Location", value: Routes.trackedRequest(result.receipt.trackingNumber).path)
            if result.replayed {
                headers.add(name: "Idempotent-Replayed", value: "true")
            }
            return Answer(result.receipt, status: .created, headers: headers)
        }
    }
}
