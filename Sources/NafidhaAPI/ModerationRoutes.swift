import HTTP
import NafidhaContract
import NafidhaCore

/// `POST /v1/staff/requests/{tracking}/moderation` (docs/open311.md, "Moderation"), in the authenticated staff
/// groups: a clerk or supervisor hides, redacts or releases a request's description or a public note.
struct ModerationRoutes: Sendable {
    let moderation: RequestModeration

    func register(on staff: ContractRouter) {
        staff.register(Routes.moderate) { _, body, context in
            try moderation.moderate(tracking: try context.parameter("tracking"), body, by: try context.staff)
        }
    }
}
