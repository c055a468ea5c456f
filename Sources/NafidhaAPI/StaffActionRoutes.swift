import HTTP
import NafidhaContract
import NafidhaCore

/// The staff API's decisions on tasks, notes, and the staff view of a request (docs/clerks.md). Every route needs a
/// staff bearer token; the workflow engine authorizes and decides.
struct StaffActionRoutes: Sendable {
    let authentication: StaffAuthentication
    let engine: WorkflowEngine

    func register(on router: inout Router) {
        router.post("/v1/staff/tasks/:task/approve") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.decode(request)
            return try .json(
                encoding: try engine.approve(
                    task: try Self.taskID(context), version: body.version, by: member, note: body.note))
        }
        router.post("/v1/staff/requests/:tracking/notes") { request, context in
            let member = try authentication.member(of: request)
            let body = try JSONCoding.decode(NoteBody.self, from: request.body)
            let note = try engine.addNote(
                tracking: try context.parameters.require("tracking"), text: body.text, isPublic: body.public ?? false,
                by: member
            )
            return try .json(encoding: note, status: .created)
        }
        router.post("/v1/staff/tasks/:task/reject") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.decode(request)
            return try .json(
                encoding: try engine.reject(
                    task: try Self.taskID(context), version: body.version, by: member, reason: body.reason ?? ""))
        }
        router.post("/v1/staff/tasks/:task/request-info") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.decode(request)
            return try .json(
                encoding: try engine.requestInformation(
                    task: try Self.taskID(context), version: body.version, by: member, message: body.message ?? ""))
        }
        router.post("/v1/staff/tasks/:task/forward") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.decode(request)
            return try .json(
                encoding: try engine.forward(
                    task: try Self.taskID(context), version: body.version, by: member, toSector: body.sector ?? "",
                    reason: body.reason ?? ""))
        }
        router.get("/v1/staff/requests/:tracking") { request, context in
            let member = try authentication.member(of: request)
            return try .json(
                encoding: try engine.staffView(tracking: try context.parameters.require("tracking"), for: member))
        }
    }

    private static func taskID(_ context: RequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("task")), id > 0 else {
            throw NafidhaError(.taskNotFound)
        }
        return id
    }

    private static func decode(_ request: HTTPRequest) throws -> ActionBody {
        request.body.isEmpty ? ActionBody() : try JSONCoding.decode(ActionBody.self, from: request.body)
    }
}

/// Every action's optional members; each action says which it needs (a missing reason is the engine's 422).
private struct ActionBody: Decodable {
    var version: Int?
    var reason: String?
    var message: String?
    var sector: String?
    var note: String?
}

/// `POST /v1/staff/requests/{tracking}/notes`: the text, and whether the citizen sees it (default: internal).
private struct NoteBody: Decodable {
    var text: String
    var `public`: Bool?
}
