import Postgres

/// How many committed audit events wait for the sequencer, and for how long the oldest has waited: what `/readyz`
/// shows. Normally a few hundred at most and under a second; a growing age means no sequencer is running.
public struct AuditBacklog: Sendable, Equatable {
    /// Events waiting to be chained, counted up to `countLimit`.
    public var unchainedEvents: Int64
    /// True when counting stopped at `countLimit`: at least that many wait.
    public var countCapped: Bool
    /// Seconds since the oldest waiting event was written; nil when none waits.
    public var oldestUnchainedAgeSeconds: Double?

    /// The count stops here (100,000), so a probe stays cheap however far behind the sequencer is.
    public static let countLimit = 100_000

    /// Reads the backlog through the small partial index of unchained events.
    public static func read(on connection: PostgresConnection) throws -> AuditBacklog {
        // The lowest ids were written first, so the oldest event is among them even when the count is capped.
        let row = try connection.queryPrepared(
            """
            SELECT count(*) AS unchained,
                   extract(epoch FROM clock_timestamp() - min(occurred_at))::float8 AS oldest_age
              FROM (SELECT occurred_at FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT $1) w
            """,
            [countLimit]
        )[0]
        let count: Int64 = try row.decode("unchained")
        return AuditBacklog(
            unchainedEvents: count, countCapped: count >= countLimit,
            oldestUnchainedAgeSeconds: try row.decode("oldest_age"))
    }
}
