import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /v1/events` (the event feed) and `GET /v1/staff/requests/:tracking/notifications` (a request's
/// notifications and their delivery state): staff routes, scoped like the others (docs/notifications.md).
struct EventRoutes: Sendable {
    let events: EventFeed
    let notifications: NotificationLedger

    func register(on staff: ContractRouter) {
        staff.register(Routes.events) { request, context in
            let query = request.query
            var limit = EventFeed.defaultLimit
            if let text = query["limit"] {
                guard let value = Int(text), value >= 1 else { throw Self.invalid("limit", .positiveInteger) }
                limit = min(value, EventFeed.maximumLimit)
            }
            var types: [NotificationEventType] = []
            for value in query.all("type") {
                for name in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let type = NotificationEventType(rawValue: String(name)) else {
                        throw Self.invalid("type", .oneOf(NotificationEventType.allCases.map(\.rawValue)))
                    }
                    if !types.contains(type) { types.append(type) }
                }
            }
            return try events.page(after: query["after"], limit: limit, types: types, for: try context.staff)
        }
        staff.register(Routes.requestNotifications) { _, context in
            try notifications.notifications(
                tracking: try context.parameter("tracking"), for: try context.staff)
        }
    }

    /// 400 `invalid_query` naming the parameter and what it must be.
    private static func invalid(_ parameter: String, _ expected: QueryExpectation) -> NafidhaError {
        NafidhaError(
            .invalidQuery, message: ErrorCode.Message.invalidQuery(parameter: parameter, expected: expected))
    }
}
