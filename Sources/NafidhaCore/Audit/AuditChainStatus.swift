import Postgres

/// One municipality's chain as `nafidha audit status` shows it: its head (to record as an anchor) and the events
/// still waiting for the sequencer.
public struct AuditChainStatus: Sendable, Equatable {
    /// The chain's municipality.
    public var municipality: String
    /// The head's `seq`: chained events so far (0 at genesis).
    public var headSeq: Int64
    /// The head's hash, lowercase hex (64 zeros at genesis).
    public var headHash: String
    /// When the last chained event occurred, in the 27-character form of docs/audit.md; nil at genesis.
    public var lastOccurredAt: String?
    /// Events of this municipality waiting to be chained.
    public var unchainedEvents: Int64
    /// Seconds since the oldest of them was written; nil when none waits.
    public var oldestUnchainedAgeSeconds: Double?

    /// Every municipality with a chain or with events waiting, by code, read in one statement so heads and
    /// waiting events agree.
    public static func all(on connection: PostgresConnection) throws -> [AuditChainStatus] {
        try connection.query(
            """
            WITH waiting AS (
                SELECT municipality_code, count(*) AS n, min(occurred_at) AS oldest
                  FROM audit_events WHERE seq IS NULL GROUP BY municipality_code
            )
            SELECT m.code, coalesce(h.last_seq, 0) AS head_seq,
                   encode(coalesce(h.last_hash, decode(repeat('00', 32), 'hex')), 'hex') AS head_hash,
                   audit_time_text(h.last_occurred_at) AS last_occurred_at, coalesce(w.n, 0) AS unchained,
                   extract(epoch FROM clock_timestamp() - w.oldest)::float8 AS oldest_age
              FROM municipalities m
              LEFT JOIN audit_chain_heads h ON h.municipality_code = m.code
              LEFT JOIN waiting w ON w.municipality_code = m.code
             WHERE h.municipality_code IS NOT NULL OR w.municipality_code IS NOT NULL
             ORDER BY m.code
            """
        ).map { row in
            AuditChainStatus(
                municipality: try row.decode("code"), headSeq: try row.decode("head_seq"),
                headHash: try row.decode("head_hash"), lastOccurredAt: try row.decode("last_occurred_at"),
                unchainedEvents: try row.decode("unchained"), oldestUnchainedAgeSeconds: try row.decode("oldest_age"))
        }
    }
}
