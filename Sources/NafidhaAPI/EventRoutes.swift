import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /v1/events` (the event feed) and `GET /v1/staff/requests/:tracking/notifications` (a request's
/// notifications and their delivery state): staff bearer tokens, scoped like the other staff routes
/// (docs/notifications.md).
struct EventRoutes: Sendable {
    let authentication: StaffAuthentication
    let events: EventFeed
    let notifications: NotificationLedger

    func register(on router: inout Router) {
        router.get("/v1/events") { request, _ in
            let member = try authentication.member(of: request)
            let query = request.query
            var limit = EventFeed.defaultLimit
            if let text = query["limit"] {
                guard let value = Int(text), value >= 1 else {
                    throw Self.invalid("limit", .positiveInteger, language: request.language)
                }
                limit = min(value, EventFeed.maximumLimit)
            }
            var types: [NotificationEventType] = []
            for value in query.all("type") {
                for name in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let type = NotificationEventType(rawValue: String(name)) else {
                        throw Self.invalid(
                            "type", .oneOf(NotificationEventType.allCases.map(\.rawValue)), language: request.language)
                    }
                    if !types.contains(type) { types.append(type) }
                }
            }
            return try .json(encoding: try events.page(after: query["after"], limit: limit, types: types, for: member))
        }
        router.get("/v1/staff/requests/:tracking/notifications") { request, context in
            let member = try authentication.member(of: request)
            return try .json(
                encoding: try notifications.notifications(
                    tracking: try context.parameters.require("tracking"), for: member))
        }
    }

    /// 400 `invalid_query` naming the parameter and what it must be.
    private static func invalid(_ parameter: String, _ expected: QueryExpectation, language: Language) -> HTTPError {
        HTTPError(
            .badRequest, code: ErrorCode.invalidQuery.rawValue,
            message: ErrorCode.Message.invalidQuery(parameter: parameter, expected: expected).text(in: language))
    }
}
