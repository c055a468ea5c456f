import Foundation
import Postgres

/// Removes what no request keeps (docs/documents.md, "Clean-up"): uploads no submission named within their 24 hours,
/// uploads a crash left `receiving` for over an hour, and large objects no upload names (bytes orphaned by a
/// restore or a hand-made deletion). One server at a time does it, under a transaction-level advisory lock; others
/// skip the run. Each run removes at most `batchSize` of each.
public struct UploadSweep: Sendable {
    /// What one run removed.
    public struct Result: Sendable, Equatable {
        /// Upload rows deleted (their large objects with them).
        public var uploads: Int
        /// Large objects unlinked that no upload named.
        public var orphans: Int
    }

    /// Where uploads live.
    public let pool: PostgresPool
    /// Rows (and orphans) removed per run at most.
    public let batchSize: Int

    /// A sweep over `pool`.
    public init(pool: PostgresPool, batchSize: Int = 1000) {
        self.pool = pool
        self.batchSize = batchSize
    }

    /// Runs once; nil when another server holds the lock.
    @discardableResult
    public func run() throws -> Result? {
        try pool.withConnection { connection in
            try connection.withTransaction { connection -> Result? in
                let locked: Bool = try connection.queryPrepared(
                    "SELECT pg_try_advisory_xact_lock(hashtext('nafidha:upload-sweep')) AS locked")[0].decode("locked")
                guard locked else { return nil }
                let uploads = try connection.executePrepared(
                    """
                    DELETE FROM uploads WHERE id IN (
                        SELECT id FROM uploads
                         WHERE request_id IS NULL
                           AND (expires_at <= now() OR (state = 'receiving' AND created_at < now() - interval '1 hour'))
                         ORDER BY id LIMIT $1)
                    """,
                    [Int64(batchSize)])
                // Large objects being written by an upload in progress are invisible here until it commits, and
                // then an upload row names them.
                let orphans: Int = try connection.queryPrepared(
                    """
                    SELECT count(lo_unlink(m.oid))::int AS unlinked
                      FROM (SELECT oid FROM pg_largeobject_metadata l
                             WHERE NOT EXISTS (SELECT 1 FROM uploads u WHERE u.content = l.oid)
                             ORDER BY oid LIMIT $1) m
                    """,
                    [Int64(batchSize)])[0].decode("unlinked")
                return Result(uploads: uploads, orphans: orphans)
            }
        }
    }
}
