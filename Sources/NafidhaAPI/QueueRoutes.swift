import HTTP
import NafidhaContract
import NafidhaCore

/// The staff API over queues and claims (docs/clerks.md), in the authenticated staff groups: the queue service
/// lists, the workflow engine claims, and both decide what the caller may see and do.
struct QueueRoutes: Sendable {
    let queues: QueueService
    let engine: WorkflowEngine

    func register(on staff: ContractRouter) {
        staff.register(Routes.staffMe) { _, context in Staff.Member(try context.staff) }
        staff.register(Routes.queues) { _, context in
            Staff.QueueList(queues: try queues.queues(for: try context.staff))
        }
        staff.register(Routes.tasks) { request, context in
            try queues.tasks(for: try context.staff, query: try Self.taskQuery(from: request.query))
        }
        staff.register(Routes.claimNext, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.claimNext(by: try context.staff, municipality: body.municipality, sector: body.sector)
        }
        staff.register(Routes.claim, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.claim(task: try context.taskID(), version: body.version, by: try context.staff)
        }
        staff.register(Routes.release, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.release(task: try context.taskID(), version: body.version, by: try context.staff)
        }
        staff.register(Routes.reassign) { _, body, context in
            try engine.reassign(
                task: try context.taskID(), version: body.version, by: try context.staff, to: body.assignee)
        }
    }

    /// `?municipality=&sector=&status=&overdue=true&assignee=&limit=&cursor=`; bad values are 400 `invalid_query`
    /// naming the parameter.
    static func taskQuery(from query: QueryParameters) throws(NafidhaError) -> Staff.TaskQuery {
        var taskQuery = Staff.TaskQuery(
            municipality: query["municipality"], sector: query["sector"], assignee: query["assignee"],
            cursor: query["cursor"])
        if let status = query["status"] {
            guard let parsed = Staff.TaskQuery.Status(rawValue: status) else {
                throw invalidQuery("status", .oneOf(Staff.TaskQuery.Status.allCases.map(\.rawValue)))
            }
            taskQuery.status = parsed
        }
        if let overdue = query["overdue"] {
            guard let parsed = Bool(overdue) else { throw invalidQuery("overdue", .boolean) }
            taskQuery.overdue = parsed
        }
        if let limit = query["limit"] {
            guard let parsed = Int(limit), parsed >= 1 else { throw invalidQuery("limit", .positiveInteger) }
            taskQuery.limit = parsed
        }
        return taskQuery
    }

    private static func invalidQuery(_ parameter: String, _ expected: QueryExpectation) -> NafidhaError {
        NafidhaError(.invalidQuery, message: ErrorCode.Message.invalidQuery(parameter: parameter, expected: expected))
    }
}
