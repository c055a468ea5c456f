import HTTP
import NafidhaContract
import NafidhaCore

/// The staff API over queues and claims (docs/clerks.md): every route needs a staff bearer token; the queue service
/// lists, the workflow engine claims, and both decide what the caller may see and do.
struct QueueRoutes: Sendable {
    let authentication: StaffAuthentication
    let queues: QueueService
    let engine: WorkflowEngine

    func register(on router: inout Router) {
        router.get("/v1/staff/me") { request, _ in
            let member = try authentication.member(of: request)
            return try .json(encoding: Staff.Member(member))
        }
        router.get("/v1/staff/queues") { request, _ in
            let member = try authentication.member(of: request)
            return try .json(encoding: Staff.QueueList(queues: try queues.queues(for: member)))
        }
        router.get("/v1/staff/tasks") { request, _ in
            let member = try authentication.member(of: request)
            return try .json(encoding: try queues.tasks(for: member, query: try Self.taskQuery(from: request.query)))
        }
        router.post("/v1/staff/tasks/claim-next") { request, _ in
            let member = try authentication.member(of: request)
            let body =
                request.body.isEmpty ? ClaimNextBody() : try JSONCoding.decode(ClaimNextBody.self, from: request.body)
            let task = try engine.claimNext(by: member, municipality: body.municipality, sector: body.sector)
            return try .json(encoding: task)
        }
        router.post("/v1/staff/tasks/:task/claim") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.versionBody(request)
            return try .json(
                encoding: try engine.claim(task: try Self.taskID(context), version: body.version, by: member))
        }
        router.post("/v1/staff/tasks/:task/release") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.versionBody(request)
            return try .json(
                encoding: try engine.release(task: try Self.taskID(context), version: body.version, by: member))
        }
        router.post("/v1/staff/tasks/:task/reassign") { request, context in
            let member = try authentication.member(of: request)
            let body = try JSONCoding.decode(ReassignBody.self, from: request.body)
            let task = try engine.reassign(
                task: try Self.taskID(context), version: body.version, by: member, to: body.assignee)
            return try .json(encoding: task)
        }
    }

    private static func taskID(_ context: RequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("task")), id > 0 else {
            throw NafidhaError(.taskNotFound)
        }
        return id
    }

    private static func versionBody(_ request: HTTPRequest) throws -> VersionBody {
        request.body.isEmpty ? VersionBody() : try JSONCoding.decode(VersionBody.self, from: request.body)
    }

    /// `?municipality=&sector=&status=&overdue=true&assignee=&limit=&cursor=`; bad values are 400s naming the
    /// parameter.
    static func taskQuery(from query: QueryParameters) throws -> Staff.TaskQuery {
        var taskQuery = Staff.TaskQuery(
            municipality: query["municipality"], sector: query["sector"],
            assignee: query["assignee"], cursor: query["cursor"])
        if let status = query["status"] {
            guard let parsed = Staff.TaskQuery.Status(rawValue: status) else {
                throw Self.invalidQuery("status", .oneOf(Staff.TaskQuery.Status.allCases.map(\.rawValue)))
            }
            taskQuery.status = parsed
        }
        if let overdue = query["overdue"] {
            guard overdue == "true" || overdue == "false" else {
                throw Self.invalidQuery("overdue", .boolean)
            }
            taskQuery.overdue = overdue == "true"
        }
        if let limit = query["limit"] {
            guard let parsed = Int(limit), parsed >= 1 else {
                throw Self.invalidQuery("limit", .positiveInteger)
            }
            taskQuery.limit = parsed
        }
        return taskQuery
    }

    private static func invalidQuery(_ parameter: String, _ expected: QueryExpectation) -> NafidhaError {
        NafidhaError(.invalidQuery, message: ErrorCode.Message.invalidQuery(parameter: parameter, expected: expected))
    }
}

private struct ClaimNextBody: Decodable {
    var municipality: String?
    var sector: String?
}

private struct VersionBody: Decodable {
    var version: Int?
}

private struct ReassignBody: Decodable {
    var assignee: String
    var version: Int?
}
