import Foundation
import NafidhaContract
import Postgres
import Transparency

/// Exports of the audit trail as the API serves them (`GET /v1/audit/export`): who may export what, a bounded number
/// streaming at once, and the manifest kept for the exporter to fetch once the stream ended.
///
/// Auditors and admins export masked or unmasked, supervisors masked only, clerks nothing; a member scoped to
/// municipalities exports only theirs (narrowed to their only one when the query names none, and required to name one
/// when they have several). An export holds one pooled connection and one worker thread while it streams, for as
/// long as the client reads, so at most `maximumConcurrentExports` run at once.
public struct AuditExportService: Sendable {
    /// The service's limits; every one has a default.
    public struct Settings: Sendable {
        /// Exports streaming at once (2); one more is answered 503 `overloaded`.
        public var maximumConcurrentExports = 2
        /// How long a manifest is kept for its exporter to fetch (one day).
        public var manifestLifetime: Duration = .seconds(86_400)

        /// The defaults above.
        public init() {}
    }

    private let pool: PostgresPool
    private let settings: Settings
    private let slots: ExportSlots

    /// A service over `pool`.
    public init(pool: PostgresPool, settings: Settings = Settings()) {
        self.pool = pool
        self.settings = settings
        slots = ExportSlots(limit: settings.maximumConcurrentExports)
    }

    /// Decides whether `member` may run `query`, narrowed to their scope, and takes one of the streaming slots.
    /// Nothing is read or recorded yet: `stream` does that, when the response's body is written.
    /// - Throws: 403 `reports_not_allowed` (clerks), `unmasked_not_allowed` (supervisors asking for personal data),
    ///   `out_of_scope`; 400 `invalid_parameter` (a date out of range), `invalid_range`; 503 `overloaded` when every slot is taken.
    public func prepare(_ query: Audit.ExportQuery, for member: StaffMember) throws -> PreparedAuditExport {
        let municipality = try ReportAccess.municipality(query.municipality, for: member)
        if query.unmasked && member.role == .supervisor { throw NafidhaError(.unmaskedNotAllowed) }
        let options = AuditExportOptions(
            from: query.from, to: query.to, municipality: municipality, format: query.format,
            unmasked: query.unmasked)
        try options.checkRange()
        guard let slot = slots.take() else { throw NafidhaError.overloaded }
        let id = Hex.encode(SecureRandom.bytes(16))
        return PreparedAuditExport(id: id, options: options, member: member, slot: slot)
    }

    /// Streams `export`'s file to `write` on a pooled connection (recording the viewing first when unmasked), then
    /// stores its manifest for `manifest(export:for:)`. A `write` that throws (the client went away) ends it with
    /// no manifest stored.
    public func stream(_ export: PreparedAuditExport, write: ([UInt8]) throws -> Void) throws {
        let manifest = try pool.withConnection { connection in
            try AuditExporter.export(
                export.options, viewer: .staff(export.member), fileName: export.fileName, on: connection,
                write: write)
        }
        let text = String(decoding: try ContractJSON.encode(manifest), as: UTF8.self)
        try pool.withConnection { connection in
            try connection.withTransaction { connection in
                try connection.execute(
                    "DELETE FROM audit_export_manifests WHERE created_at < now() - make_interval(secs => $1)",
                    [Double(settings.manifestLifetime.components.seconds)])
                try connection.execute(
                    "INSERT INTO audit_export_manifests (export_id, staff_id, manifest) VALUES ($1, $2, $3)",
                    [export.id, export.member.id, text])
            }
        }
    }

    /// The manifest of export `id`, which `member` streamed to its end within the manifests' lifetime.
    /// - Throws: 404 `export_not_found` for any other id (unknown, someone else's, cut short, or expired).
    public func manifest(export id: String, for member: StaffMember) throws -> Audit.ExportManifest {
        let rows = try pool.withConnection { connection in
            try connection.query(
                """
                SELECT manifest FROM audit_export_manifests
                 WHERE export_id = $1 AND staff_id = $2 AND created_at >= now() - make_interval(secs => $3)
                """,
                [id, member.id, Double(settings.manifestLifetime.components.seconds)])
        }
        guard let row = rows.first else {
            throw NafidhaError(.exportNotFound)
        }
        let text: String = try row.decode("manifest")
        return try ContractJSON.decode(Audit.ExportManifest.self, from: Array(text.utf8))
    }
}
