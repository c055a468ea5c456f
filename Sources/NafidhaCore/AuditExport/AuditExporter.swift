import Foundation
import NafidhaContract
import Postgres

/// Streams chained audit events out of the database with COPY, masked by default, and describes the result in a
/// manifest.
///
/// Memory stays flat: rows arrive in `copyChunkSize` pieces and go straight to `write`. The whole export reads
/// one REPEATABLE READ snapshot, so the manifest's counts and heads describe exactly the rows written. Events still
/// waiting for the sequencer are not in the file; the manifest counts them (`unchained_event_count`).
public enum AuditExporter {
    /// Exports the events `options` select on `connection`, handing the file's bytes to `write` as they arrive.
    /// - Parameters:
    ///   - options: range, municipality, format and masking.
    ///   - fileName: the name recorded in the manifest.
    ///   - connection: a connection outside any transaction.
    ///   - write: receives the file's bytes in order.
    /// - Returns: the manifest of what was written.
    public static func export(
        _ options: AuditExportOptions, fileName: String, on connection: PostgresConnection,
        write: ([UInt8]) throws -> Void
    ) throws -> AuditExportManifest {
        guard options.from < options.to else {
            throw NafidhaError(.invalidRange)
        }
        if options.unmasked {
            try recordPersonalDataViewed(options, on: connection)
        }
        if options.chainsWaitingEventsFirst {
            do {
                try AuditSequencer.chainWaiting(on: connection, patience: .seconds(5))
            } catch let error as NafidhaError where error.code == AuditSequencer.busy.code {
                // Another sequencer kept at it: what it has not chained yet is counted in the manifest.
            }
        }
        return try connection.withTransaction(isolation: .repeatableRead) { connection in
            try connection.query(
                """
                SELECT set_config('nafidha.export_from', $1::timestamptz::text, true),
                       set_config('nafidha.export_to', $2::timestamptz::text, true),
                       set_config('nafidha.export_municipality', $3, true),
                       set_config('nafidha.export_unmasked', $4, true)
                """,
                [options.from, options.to, options.municipality ?? "", options.unmasked ? "on" : "off"]
            )
            let exportedAt: String = try connection.query("SELECT audit_time_text(now()) AS t")[0].decode("t")
            let summaries = try connection.query(AuditExportSQL.chainSummaries)
            let chains = try summaries.map(chain(from:))
            let unchained: Int64 = try connection.query(AuditExportSQL.unchainedCount)[0].decode("n")
            let firstID = try summaries.map { try $0.decode("first_id", as: Int64.self) }.min()
            let lastID = try summaries.map { try $0.decode("last_id", as: Int64.self) }.max()
            let digest = StreamingSHA256()
            switch options.format {
            case .jsonl:
                var decoder = CopyTextDecoder()
                try connection.copyOut(AuditExportSQL.jsonLinesCopy) { chunk in
                    let bytes = decoder.decode(chunk)
                    digest.update(bytes)
                    try write(bytes)
                }
            case .csv:
                try connection.copyOut(AuditExportSQL.csvCopy) { bytes in
                    digest.update(bytes)
                    try write(bytes)
                }
            }
            return AuditExportManifest(
                manifestVersion: AuditExportManifest.currentVersion, file: fileName, format: options.format,
                sha256: digest.finalHex(), eventCount: chains.reduce(0) { $0 + $1.eventCount },
                firstEventID: firstID, lastEventID: lastID,
                from: AuditExportSQL.timeText(options.from), to: AuditExportSQL.timeText(options.to),
                municipality: options.municipality, masked: !options.unmasked, exportedAt: exportedAt, chains: chains,
                unchainedEventCount: unchained
            )
        }
    }

    /// One exported chain's bounds and the live head, from a `chainSummaries` row.
    private static func chain(from row: PostgresRow) throws -> AuditExportManifest.Chain {
        AuditExportManifest.Chain(
            municipalityCode: try row.decode("municipality_code"), eventCount: try row.decode("event_count"),
            firstSeq: try row.decode("first_seq"), lastSeq: try row.decode("last_seq"),
            firstPrevHash: try row.decode("first_prev_hash"), lastHash: try row.decode("last_hash"),
            headSeq: try row.decode("head_seq"), headHash: try row.decode("head_hash")
        )
    }

    /// Records, before any personal data leaves, one `personal_data_viewed` event per municipality concerned.
    private static func recordPersonalDataViewed(_ options: AuditExportOptions, on connection: PostgresConnection)
        throws
    {
        try connection.withTransaction { connection in
            try requireUnmaskingPermission(options, on: connection)
            let codes = try connection.query(
                """
                SELECT DISTINCT municipality_code FROM audit_events
                 WHERE occurred_at >= $1 AND occurred_at < $2 AND ($3::text IS NULL OR municipality_code = $3)
                 ORDER BY municipality_code
                """,
                [options.from, options.to, options.municipality]
            ).map { try $0.decode("municipality_code", as: String.self) }
            for code in codes {
                try AuditLog.append(
                    on: connection, municipality: code, actorKind: .auditor, actor: options.actor,
                    action: .personalDataViewed, requestID: nil,
                    details: [
                        "purpose": .string("audit_export_unmasked"),
                        "from": .string(AuditExportSQL.timeText(options.from)),
                        "to": .string(AuditExportSQL.timeText(options.to)),
                    ]
                )
            }
        }
    }

    /// Only an active auditor or admin may see personal data, and a scoped one only in their municipalities.
    private static func requireUnmaskingPermission(_ options: AuditExportOptions, on connection: PostgresConnection)
        throws
    {
        let rows = try connection.query(
            """
            SELECT s.role, array_remove(array_agg(m.municipality_code ORDER BY m.municipality_code), NULL) AS scope
              FROM staff s LEFT JOIN staff_municipalities m ON m.staff_id = s.id
             WHERE s.name = $1 AND s.active GROUP BY s.id, s.role
            """,
            [options.actor]
        )
        let role = try rows.first.flatMap { StaffRole(rawValue: try $0.decode("role")) }
        let scope = try rows.first?.decode("scope", as: [String].self) ?? []
        let inScope = scope.isEmpty || options.municipality.map(scope.contains) == true
        guard let role, [.auditor, .admin].contains(role), inScope else {
            throw NafidhaError(.unmaskedNotAllowed)
        }
    }
}
