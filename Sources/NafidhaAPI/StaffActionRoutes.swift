import Foundation
import HTTP
import NafidhaCore
import Postgres

/// The staff API's decisions on tasks and the staff view of a request (docs/clerks.md). Every route needs a staff
/// bearer token; `TaskActions` and `StaffRequestView` authorize.
struct StaffActionRoutes: Sendable {
    let authentication: StaffAuthentication
    let actions: TaskActions
    let pool: PostgresPool

    func register(on router: inout Router) {
        router.post("/v1/staff/tasks/:task/approve") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.decode(request)
            if let note = body.note,
                note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    || note.count > RequestNotes.maximumLength
            {
                throw RequestNotes.invalidNote
            }
            let task = try actions.approve(taskID: try Self.taskID(context), by: member, expectedVersion: body.version)
            if let note = body.note {
                // The decision stands on its own; the note follows in its own transaction, internal to staff.
                _ = try RequestNotes(pool: pool).add(
                    tracking: task.trackingNumber, text: note, isPublic: false, by: member)
            }
            return try .json(encoding: task)
        }
        router.post("/v1/staff/requests/:tracking/notes") { request, context in
            let member = try authentication.member(of: request)
            let body = try JSONCoding.decode(NoteBody.self, from: request.body)
            let note = try RequestNotes(pool: pool).add(
                tracking: try context.parameters.require("tracking"), text: body.text, isPublic: body.public ?? false,
                by: member
            )
            return try .json(encoding: note, status: .created)
        }
        router.post("/v1/staff/tasks/:task/reject") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.decode(request)
            return try .json(
                encoding: try actions.reject(
                    taskID: try Self.taskID(context), by: member, reason: body.reason ?? "",
                    expectedVersion: body.version))
        }
        router.post("/v1/staff/tasks/:task/request-info") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.decode(request)
            return try .json(
                encoding: try actions.requestInformation(
                    taskID: try Self.taskID(context), by: member, message: body.message ?? "",
                    expectedVersion: body.version))
        }
        router.post("/v1/staff/tasks/:task/forward") { request, context in
            let member = try authentication.member(of: request)
            let body = try Self.decode(request)
            return try .json(
                encoding: try actions.forward(
                    taskID: try Self.taskID(context), by: member, toSector: body.sector ?? "",
                    reason: body.reason ?? "",
                    expectedVersion: body.version))
        }
        router.get("/v1/staff/requests/:tracking") { request, context in
            let member = try authentication.member(of: request)
            let view = try StaffRequestView.read(
                tracking: try context.parameters.require("tracking"), for: member, pool: pool)
            return try .json(encoding: view)
        }
    }

    private static func taskID(_ context: RequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("task")), id > 0 else {
            throw HTTPError(.notFound, code: "task_not_found", message: "No task with this number is in your scope.")
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
