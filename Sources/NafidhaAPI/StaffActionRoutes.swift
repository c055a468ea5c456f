import HTTP
import NafidhaContract
import NafidhaCore

/// The staff API's decisions on tasks, notes, and the staff view of a request (docs/clerks.md), in the
/// authenticated staff groups; the workflow engine authorizes and decides. The decisions read an empty body as `{}`,
/// so a missing reason or question is the same 422 as an empty one.
struct StaffActionRoutes: Sendable {
    let engine: WorkflowEngine

    func register(on staff: ContractRouter) {
        staff.register(Routes.approve, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.approve(
                task: try context.taskID(), version: body.version, by: try context.staff, note: body.note)
        }
        staff.register(Routes.reject, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.reject(
                task: try context.taskID(), version: body.version, by: try context.staff, reason: body.reason)
        }
        staff.register(Routes.requestInfo, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.requestInformation(
                task: try context.taskID(), version: body.version, by: try context.staff, message: body.message)
        }
        staff.register(Routes.forward, emptyBodyIsEmptyObject: true) { _, body, context in
            try engine.forward(
                task: try context.taskID(), version: body.version, by: try context.staff, toSector: body.sector,
                reason: body.reason)
        }
        staff.register(Routes.staffRequest) { _, context in
            try engine.staffView(tracking: try context.parameter("tracking"), for: try context.staff)
        }
        staff.register(Routes.addNote) { _, body, context in
            let note = try engine.addNote(
                tracking: try context.parameter("tracking"), text: body.text, isPublic: body.public ?? false,
                by: try context.staff)
            return Answer(note, status: .created)
        }
    }
}
