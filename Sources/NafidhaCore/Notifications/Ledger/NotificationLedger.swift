import Foundation
import NafidhaContract
import Postgres

/// Where notifications stand (docs/notifications.md, "Visibility"): a request's notifications for staff in scope,
/// the operator's listings and counts per state, and redelivery.
public struct NotificationLedger: Sendable {
    /// Rows an operator listing shows at most (default 100, at most 10,000).
    public static let defaultListLimit = 100

    let pool: PostgresPool

    /// A ledger over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The notifications of request `tracking`, oldest first, for `member`: a request outside the member's
    /// municipalities, or (for a clerk) without a task in their sectors, is `request_not_found`, as is an unknown one.
    public func notifications(tracking: String, for member: StaffMember) throws -> Staff.NotificationList {
        try pool.withConnection { connection in
            let found = try connection.queryPrepared(
                """
                SELECT r.id, r.tracking_number FROM requests r
                 WHERE r.tracking_number = $1
                   AND ($2::text[] IS NULL OR r.municipality_code = ANY ($2::text[]))
                   AND ($3::text[] IS NULL
                        OR EXISTS (SELECT 1 FROM tasks t WHERE t.request_id = r.id AND t.sector_code = ANY ($3::text[])))
                """,
                [String(tracking.uppercased().prefix(64)), member.visibleMunicipalities, member.visibleSectors]
            )
            guard let request = found.first else { throw NafidhaError(.requestNotFound) }
            let rows = try connection.queryPrepared(
                "SELECT \(NotificationSummary.columns) FROM \(NotificationSummary.source()) WHERE n.request_id = $1 ORDER BY n.id",
                [try request.decode("id", as: Int64.self)])
            return Staff.NotificationList(
                trackingNumber: try request.decode("tracking_number"),
                notifications: try rows.map { try NotificationSummary(row: $0).staffView })
        }
    }

    /// Notifications in `state`, the most recent first (by last attempt, else creation), since `since` when given.
    public func list(state: NotificationState, since: Date?, limit: Int = defaultListLimit) throws
        -> [NotificationSummary]
    {
        try pool.withConnection { connection in
            try connection.queryPrepared(
                """
                SELECT \(NotificationSummary.columns) FROM \(NotificationSummary.source())
                 WHERE n.state = $1 AND ($2::timestamptz IS NULL OR coalesce(n.last_attempt_at, n.created_at) >= $2)
                 ORDER BY coalesce(n.last_attempt_at, n.created_at) DESC, n.id DESC
                 LIMIT $3
                """,
                [state.rawValue, since, min(max(limit, 1), 10_000)]
            ).map { try NotificationSummary(row: $0) }
        }
    }

    /// How many notifications are in each state (every state, zero included).
    public func counts() throws -> [NotificationState: Int64] {
        try pool.withConnection { connection in
            var counts = Dictionary(uniqueKeysWithValues: NotificationState.allCases.map { ($0, Int64(0)) })
            for row in try connection.queryPrepared("SELECT state, count(*) AS n FROM notifications GROUP BY state") {
                if let state = NotificationState(rawValue: try row.decode("state")) {
                    counts[state] = try row.decode("n")
                }
            }
            return counts
        }
    }

    /// Sends notification `id` again, whatever its state: pending and due at once, with a new retry window and the
    /// same message id, so a receiver that has it already can drop the repeat. A sign-in code's SMS is not
    /// redelivered: its text is erased once it is sent or dead, and its code is short-lived (docs/citizens.md).
    /// - Throws: `notification_not_found`.
    public func redeliver(id: Int64) throws -> NotificationSummary {
        try pool.withConnection { connection in
            let rows = try connection.queryPrepared(
                """
                WITH changed AS (
                    UPDATE notifications
                       SET state = 'pending', sent_at = NULL, next_attempt_at = now(),
                           give_up_at = now() + make_interval(secs => $2::float8)
                     WHERE id = $1 AND event_id IS NOT NULL
                    RETURNING *
                )
                SELECT \(NotificationSummary.columns) FROM \(NotificationSummary.source("changed"))
                """,
                [id, NotificationOutbox.retryWindow])
            guard let row = rows.first else {
                throw NafidhaError(.notificationNotFound)
            }
            return try NotificationSummary(row: row)
        }
    }
}
