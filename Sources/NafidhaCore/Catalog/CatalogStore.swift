import NafidhaContract
import Postgres
import Synchronization

/// Holds the catalog snapshot submissions are filed against, and replaces it when the catalog changed.
///
/// Nothing polls: a submission's write only happens while `catalog_version` still equals its snapshot's version,
/// and a refusal is only answered after checking that version, so a stale snapshot is noticed by the first request
/// it would mislead, which then calls `refresh(replacing:)`. Loading runs on the calling thread (ours: an HTTP
/// worker, or `nafidha serve` at start), one load at a time; callers that find a stale snapshot together wait for
/// that one load. A failed load keeps the previous snapshot in service and throws to the caller that asked.
public final class CatalogStore: Sendable {
    /// Where the catalog is read.
    public let pool: PostgresPool
    private let current = Mutex<CatalogSnapshot?>(nil)
    /// Held while loading, so concurrent refreshes do the work once.
    private let loading = Mutex(())

    /// A store over `pool`; nothing is read until `load()` or the first `snapshot()`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Reads the catalog now and puts it in service (`nafidha serve` calls it at start).
    @discardableResult
    public func load() throws -> CatalogSnapshot {
        try loading.withLock { _ in try install(CatalogSnapshot.load(from: pool)) }
    }

    /// The snapshot in service, read first if there is none yet.
    public func snapshot() throws -> CatalogSnapshot {
        if let snapshot = current.withLock({ $0 }) { return snapshot }
        return try loading.withLock { _ in
            // Another caller may have loaded it while this one waited.
            if let snapshot = current.withLock({ $0 }) { return snapshot }
            return try install(CatalogSnapshot.load(from: pool))
        }
    }

    /// A snapshot newer than `stale`, which the database showed out of date: reads the catalog again, unless
    /// another caller already replaced `stale` meanwhile.
    public func refresh(replacing stale: CatalogSnapshot) throws -> CatalogSnapshot {
        try loading.withLock { _ in
            if let snapshot = current.withLock({ $0 }), snapshot.version != stale.version { return snapshot }
            return try install(CatalogSnapshot.load(from: pool))
        }
    }

    /// Whether `snapshot` is the catalog the database holds now; one statement.
    public func isCurrent(_ snapshot: CatalogSnapshot) throws -> Bool {
        try pool.withConnection { connection in
            try Self.version(on: connection) == snapshot.version
        }
    }

    /// Runs `body` over the snapshot in service; when it refuses (throws a `NafidhaError`), checks that the
    /// snapshot was current before letting the refusal out, and runs `body` once more over a fresh snapshot if it
    /// was not: a stale snapshot must not refuse what the catalog now accepts.
    public func withConfirmedRefusals<T>(_ body: (CatalogSnapshot) throws -> T) throws -> T {
        let snapshot = try snapshot()
        do {
            return try body(snapshot)
        } catch let refusal as NafidhaError {
            guard try !isCurrent(snapshot) else { throw refusal }
            return try body(refresh(replacing: snapshot))
        }
    }

    /// The catalog's version in the database.
    private static func version(on connection: PostgresConnection) throws -> Int64 {
        try connection.queryPrepared("SELECT version FROM catalog_version")[0].decode("version")
    }

    private func install(_ snapshot: CatalogSnapshot) -> CatalogSnapshot {
        current.withLock { $0 = snapshot }
        return snapshot
    }
}
