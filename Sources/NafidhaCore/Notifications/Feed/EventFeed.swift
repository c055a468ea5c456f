import Foundation
import NafidhaContract
import Postgres

/// The event feed of `GET /v1/events` and `nafidha events` (docs/notifications.md, "The event feed"): published
/// events in commit order (their feed position, given after commit by one publisher at a time), oldest first, in the
/// caller's scope (municipalities; a clerk's sectors), optionally of some types only. No personal data. Read from
/// the replica when one is configured and current (`ReadRouting`): a replica replays commits in order, so a cursor
/// given by either side stays valid on the other.
public struct EventFeed: Sendable {
    /// Events per page when the caller says nothing (100).
    public static let defaultLimit = 100
    /// The most events a page holds (1,000).
    public static let maximumLimit = 1000

    let reads: ReadRouting

    /// A feed read where `reads` sends reads.
    public init(reads: ReadRouting) {
        self.reads = reads
    }

    /// The events after `cursor` (from the start when nil) that `member` may see, at most `limit`, of `types` only
    /// when some are given; `next_cursor` follows the last one (the same cursor when there is none yet).
    /// - Throws: `invalid_cursor` (400) for a cursor the server did not give.
    public func page(after cursor: String?, limit: Int, types: [NotificationEventType], for member: StaffMember)
        throws -> Events.Page
    {
        var start = EventCursor(position: 0)
        if let cursor {
            guard let parsed = EventCursor(text: cursor) else { throw Self.invalidCursor }
            start = parsed
        }
        let limit = min(max(limit, 1), Self.maximumLimit)
        let rows = try reads.read { connection in
            try connection.queryPrepared(
                """
                SELECT e.id, e.type, e.occurred_at, e.feed_position,
                       (e.data || jsonb_build_object('event_id', e.id))::text AS data
                  FROM notification_events e
                 WHERE e.feed_position > $1
                   AND ($2::text[] IS NULL OR e.municipality_code = ANY ($2::text[]))
                   AND ($3::text[] IS NULL OR e.sectors && $3::text[])
                   AND ($4::text[] IS NULL OR e.type = ANY ($4::text[]))
                 ORDER BY e.feed_position
                 LIMIT $5
                """,
                [
                    start.position, member.visibleMunicipalities, member.visibleSectors,
                    types.isEmpty ? nil : types.map(\.rawValue), limit,
                ]
            )
        }
        var last = start
        let events = try rows.map { row in
            last = EventCursor(position: try row.decode("feed_position"))
            return Events.Event(
                id: try row.decode("id"), type: try NotificationEventType.decoded(from: row),
                timestamp: try row.decode("occurred_at"),
                data: try ContractJSON.decode(
                    Events.EventData.self, from: Array(try row.decode("data", as: String.self).utf8)))
        }
        return Events.Page(events: events, nextCursor: last.text)
    }

    /// `invalid_cursor`: the `after` parameter is not a cursor the server gave.
    static let invalidCursor = NafidhaError(.invalidCursor)
}
