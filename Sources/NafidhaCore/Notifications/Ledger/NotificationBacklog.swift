import Postgres

/// The notifications that are cheap to count (pending and dead, through their partial indexes) and how long the
/// longest-due pending one has been due: what `/readyz` shows. A growing age means nothing delivers.
public struct NotificationBacklog: Sendable, Equatable {
    /// Pending notifications, counted up to `countLimit`.
    public var pending: Int64
    /// Dead-lettered notifications, counted up to `countLimit`.
    public var dead: Int64
    /// True when a count stopped at `countLimit`.
    public var countCapped: Bool
    /// Seconds since the longest-due pending notification became due; nil when none is due.
    public var oldestDueAgeSeconds: Double?

    /// Each count stops here (100,000), so a probe stays cheap however large the backlog.
    public static let countLimit = 100_000

    /// Reads the backlog.
    public static func read(on connection: PostgresConnection) throws -> NotificationBacklog {
        // A claimed notification is due again only when its lease ends, so in-flight ones do not age the probe.
        let row = try connection.queryPrepared(
            """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM notifications WHERE state = 'pending' LIMIT $1) p) AS pending,
                   (SELECT count(*) FROM (SELECT 1 FROM notifications WHERE state = 'dead' LIMIT $1) d) AS dead,
                   (SELECT extract(epoch FROM clock_timestamp() - min(next_attempt_at))::float8
                      FROM notifications WHERE state = 'pending' AND next_attempt_at <= clock_timestamp()) AS oldest_due
            """,
            [countLimit]
        )[0]
        let pending: Int64 = try row.decode("pending")
        let dead: Int64 = try row.decode("dead")
        return NotificationBacklog(
            pending: pending, dead: dead, countCapped: pending >= countLimit || dead >= countLimit,
            oldestDueAgeSeconds: try row.decode("oldest_due"))
    }
}
