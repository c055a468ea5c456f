import Foundation
import NafidhaContract
import Postgres

/// One applied catalog file, as the history keeps it (`catalog_versions`, docs/catalog.md "Versions").
public struct CatalogVersionRecord: Sendable, Equatable {
    /// 1, 2, 3, ...
    public var number: Int64
    /// When it was applied.
    public var appliedAt: Date
    /// Who applied it: a staff login, an operating-system user, or `nafidha` for the demo seed.
    public var appliedBy: String
    /// How.
    public var channel: Catalog.ApplyChannel
    /// Lower-case hexadecimal SHA-256 of the file's bytes.
    public var sha256: String
    /// What it changed.
    public var summary: Catalog.ChangeSummary
    /// `catalog_version` when it committed.
    public var revision: Int64

    /// The rows, newest first, at most `limit`.
    static func history(limit: Int, on connection: PostgresConnection) throws -> [CatalogVersionRecord] {
        try connection.query(
            "SELECT \(columns) FROM catalog_versions ORDER BY number DESC LIMIT $1", [Int64(limit)]
        ).map(Self.init(row:))
    }

    /// The catalog in force: the last applied file, and the revision now.
    static func current(on connection: PostgresConnection) throws -> Catalog.Version {
        let revision: Int64 = try connection.query("SELECT version FROM catalog_version")[0].decode("version")
        guard let last = try history(limit: 1, on: connection).first else {
            return Catalog.Version(
                number: 0, appliedAt: nil, appliedVia: nil, sha256: nil, summary: nil, revision: revision,
                editedSince: false)
        }
        return last.version(revisionNow: revision)
    }

    /// Records an apply by `actor` of a file whose SHA-256 is `sha256`, numbered after the last one (the caller holds
    /// the apply lock), at the revision the transaction's writes reached.
    static func record(
        by actor: CatalogActor, sha256: [UInt8], summary: Catalog.ChangeSummary, on connection: PostgresConnection
    ) throws -> CatalogVersionRecord {
        let summaryJSON = JSONTree.object([
            "added": .integer(summary.added), "changed": .integer(summary.changed),
            "removed": .integer(summary.removed),
            "disabled": .integer(summary.disabled),
        ]).compactText
        let rows = try connection.query(
            """
            INSERT INTO catalog_versions (number, applied_by, applied_via, file_sha256, summary, revision)
            SELECT coalesce(max(number), 0) + 1, $1, $2, $3, $4::jsonb, (SELECT version FROM catalog_version)
              FROM catalog_versions
            RETURNING \(columns)
            """,
            [actor.name, actor.channel.rawValue, sha256, PostgresJSON(summaryJSON)])
        return try CatalogVersionRecord(row: rows[0])
    }

    /// The contract's view of it, given the revision now.
    func version(revisionNow: Int64) -> Catalog.Version {
        Catalog.Version(
            number: number, appliedAt: appliedAt, appliedVia: channel, sha256: sha256, summary: summary,
            revision: revisionNow, editedSince: revisionNow != revision)
    }

    fileprivate static let columns = """
        number, applied_at, applied_by, applied_via, encode(file_sha256, 'hex') AS sha256,
        (summary ->> 'added')::int AS added, (summary ->> 'changed')::int AS changed,
        (summary ->> 'removed')::int AS removed, (summary ->> 'disabled')::int AS disabled, revision
        """
}

extension CatalogVersionRecord {
    /// A row selected with `columns`.
    fileprivate init(row: PostgresRow) throws {
        let via: String = try row.decode("applied_via")
        guard let channel = Catalog.ApplyChannel(rawValue: via) else {
            throw CatalogDataError(column: "applied_via", value: via)
        }
        self.init(
            number: try row.decode("number"), appliedAt: try row.decode("applied_at"),
            appliedBy: try row.decode("applied_by"),
            channel: channel, sha256: try row.decode("sha256"),
            summary: Catalog.ChangeSummary(
                added: try row.decode("added"), changed: try row.decode("changed"), removed: try row.decode("removed"),
                disabled: try row.decode("disabled")),
            revision: try row.decode("revision"))
    }
}
