import Foundation
import NafidhaContract
import Postgres

/// An integrator's subscription, as `nafidha admin list-webhooks` shows it (never its secret).
public struct Webhook: Sendable, Equatable {
    /// Its id.
    public var id: Int64
    /// Where deliveries go.
    public var url: String
    /// The event types it receives; empty: all.
    public var eventTypes: [NotificationEventType]
    /// The municipalities whose events it receives; empty: all.
    public var municipalities: [String]
    /// The sectors whose events it receives; empty: all.
    public var sectors: [String]
    /// Whether its deliveries carry the applicant and the texts.
    public var includesPersonalData: Bool
    /// When it was created.
    public var createdAt: Date

    /// The columns `init(row:)` reads, of `webhooks`.
    static let columns =
        "id, url, event_types, municipalities, sectors, include_personal_data, created_at"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        url = try row.decode("url")
        eventTypes = try row.decode("event_types", as: [String].self).compactMap(NotificationEventType.init)
        municipalities = try row.decode("municipalities")
        sectors = try row.decode("sectors")
        includesPersonalData = try row.decode("include_personal_data")
        createdAt = try row.decode("created_at")
    }
}
