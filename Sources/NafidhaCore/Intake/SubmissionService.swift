import Foundation
import NafidhaContract
import Postgres

/// Files requests: validates a submission against the catalog snapshot, resolves its workflow, and stores the
/// request, one task per workflow step (stage 1 open in its queues, later stages waiting) and the audit events in
/// one statement. Synchronous: call it from threads we own (the HTTP server's workers), never from Swift
/// concurrency's cooperative threads.
///
/// A first submission costs one statement; a refusal one (it confirms the snapshot and looks up the
/// Idempotency-Key); a replay two at most (docs/api-intake.md, "Statements").
public struct SubmissionService: Sendable {
    /// The Open311 application that files a request, recorded with it.
    struct Application: Sendable {
        /// `api_keys.id` of the application's key.
        var apiKeyID: Int64
        /// The photo link the application sent, if any.
        var mediaURL: String?
    }

    /// Where requests are stored.
    public let pool: PostgresPool
    /// The catalog snapshot submissions are validated against.
    public let catalog: CatalogStore

    /// Times a submission's statement runs at most: a tracking number collision runs it again with a new number, a
    /// catalog change runs it again over the new catalog.
    public static let maximumAttempts = 5

    /// Creates the service over `pool`, filing against `catalog` (shared with the other services of a server).
    public init(pool: PostgresPool, catalog: CatalogStore) {
        self.pool = pool
        self.catalog = catalog
    }

    /// Creates the service over `pool` with a catalog store of its own, read on first use.
    public init(pool: PostgresPool) {
        self.init(pool: pool, catalog: CatalogStore(pool: pool))
    }

    /// Files `submission` arriving through `channel` at `instant`; its notifications are in `language` unless the
    /// body names one (docs/notifications.md).
    ///
    /// With an `idempotencyKey`, a second call with the same key and an equal body answers with the first receipt
    /// (`replayed`) and creates nothing; the same key with another body is a `409 idempotency_conflict`.
    /// - Throws: `NafidhaError` (`validation_failed` naming every problem, `invalid_idempotency_key`,
    ///   `idempotency_conflict`, `catalog_changing`), or `PostgresError` when the database fails.
    public func submit(
        _ submission: Submission, channel: SubmissionChannel, idempotencyKey: String?,
        language: Language = .fallback, at instant: Date = Date()
    ) throws -> SubmissionResult {
        try submit(
            submission, channel: channel, idempotencyKey: idempotencyKey, application: nil, language: language,
            at: instant)
    }

    /// Files `submission`, recording the Open311 `application` that sent it, or the `clerk` who filed it at the
    /// counter, in the same statement.
    func submit(
        _ submission: Submission, channel: SubmissionChannel, idempotencyKey: String?, application: Application?,
        clerk: String? = nil, language: Language, at instant: Date
    ) throws -> SubmissionResult {
        // PostgreSQL keeps microseconds; rounding here makes the receipt agree with what is stored.
        let instant = Date(timeIntervalSince1970: (instant.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
        let idempotency = try idempotencyKey.map { try IdempotencyRecord(key: $0, bodyHash: submission.bodyHash) }
        var snapshot = try catalog.snapshot()
        for attempt in 1...Self.maximumAttempts {
            let filing: Filing
            do {
                filing = try Filing(
                    submission, channel: channel, idempotency: idempotency, application: application,
                    language: language, clerk: clerk, catalog: snapshot, at: instant
                )
            } catch let refusal as NafidhaError {
                // An earlier request with this key answers first, whatever the catalog says now; and a stale
                // snapshot must not refuse what the current catalog accepts.
                let state = try lookUp(idempotency)
                if let replay = state.replay { return SubmissionResult(receipt: replay, replayed: true) }
                guard state.catalogVersion != snapshot.version else { throw refusal }
                snapshot = try catalog.refresh(replacing: snapshot)
                continue
            }
            let outcome: Filing.Outcome
            do {
                outcome = try pool.withConnection { try filing.insert(on: $0) }
            } catch let error as PostgresError where error.isUniqueViolation && attempt < Self.maximumAttempts {
                continue
            }
            if case .documentsUnavailable(let catalogVersion, let attachable) = outcome {
                // A replay names uploads its first answer attached: the replay wins, as for any refusal.
                if let replay = try lookUp(idempotency).replay {
                    return SubmissionResult(receipt: replay, replayed: true)
                }
                guard catalogVersion == snapshot.version else {
                    snapshot = try catalog.refresh(replacing: snapshot)
                    continue
                }
                throw try pool.withConnection { try filing.documentsRefusal(attachable: attachable, on: $0) }
            }
            guard case .nothingInserted(let catalogVersion) = outcome else {
                return SubmissionResult(receipt: filing.receipt, replayed: false)
            }
            if catalogVersion != snapshot.version {
                snapshot = try catalog.refresh(replacing: snapshot)
            } else if let replay = try lookUp(idempotency).replay {
                return SubmissionResult(receipt: replay, replayed: true)
            }
        }
        throw NafidhaError(.catalogChanging)
    }

    /// The catalog's version now and, for a key already used, the first answer (or `idempotency_conflict` for
    /// another body): one statement.
    private func lookUp(_ idempotency: IdempotencyRecord?) throws -> (catalogVersion: Int64, replay: Intake.Receipt?) {
        let row = try pool.withConnection { connection in
            try connection.queryPrepared(
                """
                SELECT v.version AS catalog_version, r.request_hash, r.access_token_hash, r.idempotency_token_cipher,
                       r.idempotency_receipt
                  FROM catalog_version v LEFT JOIN requests r ON r.idempotency_key = $1
                """,
                [idempotency?.keyDigest]
            )[0]
        }
        return (try row.decode("catalog_version"), try idempotency?.replay(from: row))
    }
}
