import HTTP
import NafidhaContract
import NafidhaCore

/// Appeals (docs/appeals.md): the applicant's `POST /v1/requests/{tracking}/appeal` with the access token, as the
/// tracking routes read it (every failure to authenticate is the same 404, counted by the citizens' throttle); and
/// the supervisors' `appeals` queue with its two decisions, in the authenticated staff groups.
struct AppealRoutes: Sendable {
    let tracking: RequestTracking
    let engine: WorkflowEngine
    let queues: QueueService
    let throttle: FailedAuthThrottle

    /// The applicant's route.
    func register(citizen api: ContractRouter) {
        api.register(Routes.appeal, emptyBodyIsEmptyObject: true) { request, body, context in
            let number: String = try context.parameter("tracking")
            let token = try request.bearerToken
            let access = try throttle.attempt(request, context, presented: token != nil, failure: .requestNotFound) {
                try tracking.authenticate(tracking: number, token: token)
            }
            try engine.appeal(for: access, reason: body.reason)
            return try tracking.view(tracking: number, token: token, language: request.language)
        }
    }

    /// The supervisors' routes.
    func register(staff: ContractRouter) {
        staff.register(Routes.appeals) { request, context in
            var status = AppealStatus.pending
            if let text = request.query["status"] {
                guard let parsed = AppealStatus(rawValue: text) else {
                    throw NafidhaError(
                        .invalidQuery,
                        message: ErrorCode.Message.invalidQuery(
                            parameter: "status", expected: .oneOf(AppealStatus.allCases.map(\.rawValue))))
                }
                status = parsed
            }
            return Staff.AppealList(
                appeals: try queues.appeals(
                    for: try context.staff, municipality: request.query["municipality"], status: status))
        }
        staff.register(Routes.upholdAppeal, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.upholdAppeal(try Self.appealID(context), by: try context.staff, reason: body.reason)
        }
        staff.register(Routes.grantAppeal, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.grantAppeal(try Self.appealID(context), by: try context.staff, reason: body.reason)
        }
    }

    /// The `:appeal` parameter; anything but a positive number names no appeal.
    private static func appealID(_ context: APIContext) throws -> Int64 {
        guard let id = Int64(try context.parameter("appeal")), id > 0 else { throw NafidhaError(.appealNotFound) }
        return id
    }
}
