import Foundation
import NafidhaContract
import Postgres

/// Applies a validated catalog file inside the caller's transaction: takes the catalog's apply lock, reads the live
/// catalog, computes the change, checks it against what the database still needs, and unless it is a dry run (or
/// changes nothing) writes it, records the catalog version and audits it, all in that one transaction.
///
/// Requests keep the workflow they were resolved with (`requests.workflow`), so nothing here can alter a request
/// already filed; the answer says how many open requests use each changed service.
enum CatalogApplier {
    /// The lock two applies take turns on: transaction-scoped, so a crash or a rollback frees it.
    static let lockKey = "nafidha:catalog-apply"

    /// What applying `document` (the file whose bytes hash to `sha256`) to the live catalog does, done unless
    /// `dryRun`. Runs in the caller's transaction on `connection` (READ COMMITTED: each statement sees what the
    /// previous apply committed, once the lock is held).
    /// - Throws: `CatalogFileError.invalid` for removals the database cannot make, `.busy` when the lock is not
    ///   had within `lockTimeout`.
    static func apply(
        _ document: CatalogDocument, sha256: [UInt8], dryRun: Bool, by actor: CatalogActor, lockTimeout: Duration,
        on connection: PostgresConnection
    ) throws -> Catalog.ApplyResult {
        if !dryRun { try lock(timeout: lockTimeout, on: connection) }
        let live = try LiveCatalog.read(on: connection)
        let changes = CatalogChangeSet(live: live.document, file: document)
        let usage = try CatalogUsage.read(changes, live: live, on: connection)
        guard usage.problems.isEmpty else { throw CatalogFileError.invalid(usage.problems, more: 0) }
        let base = try CatalogVersionRecord.current(on: connection)
        let summary = changes.summary(disabled: usage.disabled)
        let entries = changes.changes(disabled: usage.disabled).map { change in
            var change = change
            change.openRequests = openRequests(change, changes: changes, usage: usage)
            return change
        }
        guard !dryRun, !changes.isEmpty else {
            return Catalog.ApplyResult(
                dryRun: dryRun, applied: false, baseVersion: base.number, version: nil, summary: summary,
                changes: entries)
        }
        // The municipalities whose chains record the apply: those that existed before it and still do.
        let removed = Set(changes.municipalities.removed.map(\.code))
        let audited = live.document.municipalities.map(\.code).filter { !removed.contains($0) }
        try CatalogWriter(changes: changes, live: live, disabled: usage.disabled, connection: connection).write()
        let record = try CatalogVersionRecord.record(by: actor, sha256: sha256, summary: summary, on: connection)
        try audit(record, by: actor, municipalities: audited, on: connection)
        return Catalog.ApplyResult(
            dryRun: false, applied: true, baseVersion: base.number,
            version: record.version(revisionNow: record.revision),
            summary: summary, changes: entries)
    }

    /// Waits for the apply lock at most `timeout`; `lock_timeout` bounds the wait (SQLSTATE 55P03 when it ends).
    private static func lock(timeout: Duration, on connection: PostgresConnection) throws {
        let milliseconds = max(
            1, Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        try connection.query("SELECT set_config('lock_timeout', $1, true)", ["\(milliseconds)ms"])
        do {
            try connection.query("SELECT pg_advisory_xact_lock(hashtext($1))", [lockKey])
        } catch {
            // 55P03: lock_not_available, the wait reached lock_timeout.
            guard error.sqlState == "55P03" else { throw error }
            throw CatalogFileError.busy
        }
    }

    /// For a service or an overlay: the requests not yet closed that use the service (in the overlay's municipality).
    private static func openRequests(_ change: Catalog.Change, changes: CatalogChangeSet, usage: CatalogUsage) -> Int? {
        switch change.kind {
        case .service: return usage.openByService[change.key] ?? 0
        case .serviceOverlay, .stepOverlay:
            let words = change.key.split(separator: " ").map(String.init)
            guard words.count >= 2 else { return nil }
            return usage.openByTarget[[words[0], words[1]]] ?? 0
        default: return nil
        }
    }

    /// One `catalog_applied` event in the chain of each of `municipalities`, naming the version and the file.
    private static func audit(
        _ record: CatalogVersionRecord, by actor: CatalogActor, municipalities: [String],
        on connection: PostgresConnection
    ) throws {
        guard !municipalities.isEmpty else { return }
        let details = JSONTree.object([
            "version": .number(String(record.number)), "sha256": .string(record.sha256),
            "added": .integer(record.summary.added), "changed": .integer(record.summary.changed),
            "removed": .integer(record.summary.removed), "disabled": .integer(record.summary.disabled),
        ]).compactText
        try connection.execute(
            """
            INSERT INTO audit_events (municipality_code, actor_kind, actor, action, details)
            SELECT code, $1, $2, $3, audit_canonical_json($4::jsonb) FROM unnest($5::text[]) AS m (code)
            """,
            [
                actor.kind.rawValue, actor.name, AuditAction.catalogApplied.rawValue, PostgresJSON(details),
                municipalities,
            ])
    }
}
