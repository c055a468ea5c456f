import Foundation
import NafidhaContract
import Postgres

/// Streams chained audit events out of the database with COPY, masked by default, and describes the result in a
/// manifest.
///
/// Memory stays flat: rows arrive in `copyChunkSize` pieces and go straight to `write`, as PostgreSQL formatted
/// them (no per-row work here but hashing the bytes). The whole export reads one REPEATABLE READ snapshot, so the
/// manifest's counts and heads describe exactly the rows written. Events still waiting for the sequencer are not in
/// the file; the manifest counts them (`unchained_event_count`).
public enum AuditExporter {
    /// Exports the events `options` select on `connection`, handing the file's bytes to `write` as they arrive.
    ///
    /// An unmasked export first records one `personal_data_viewed` event per chain concerned, naming `viewer`, in
    /// its own committed transaction, so the viewing is on record even if the export then fails; deciding whether the
    /// viewer may see personal data is the caller's business (the API: the token's role and scope).
    /// - Parameters:
    ///   - options: range, municipality, format and masking.
    ///   - viewer: who sees personal data; required when `options.unmasked`.
    ///   - fileName: the name recorded in the manifest.
    ///   - connection: a connection outside any transaction.
    ///   - write: receives the file's bytes in order.
    /// - Returns: the manifest of what was written.
    public static func export(
        _ options: AuditExportOptions, viewer: AuditExportViewer? = nil, fileName: String,
        on connection: PostgresConnection, write: ([UInt8]) throws -> Void
    ) throws -> Audit.ExportManifest {
        try options.checkRange()
        if options.unmasked {
            guard let viewer else { throw NafidhaError(.unmaskedNotAllowed) }
            try recordPersonalDataViewed(options, by: viewer, on: connection)
        }
        if options.chainsWaitingEventsFirst {
            do {
                try AuditSequencer.chainWaiting(on: connection, patience: .seconds(5))
            } catch let error as NafidhaError where error.code == AuditSequencer.busy.code {
                // Another sequencer kept at it: what it has not chained yet is counted in the manifest.
            }
        }
        let one = options.municipality != nil
        return try connection.withTransaction(isolation: .repeatableRead) { connection in
            try connection.execute("SET TRANSACTION READ ONLY")
            try connection.query(
                AuditExportSQL.settings,
                [options.from, options.to, options.municipality, options.unmasked ? "on" : "off"])
            let exportedAt: String = try connection.query("SELECT audit_time_text(now()) AS t")[0].decode("t")
            let summaries = try connection.query(AuditExportSQL.chainSummaries(oneMunicipality: one))
            let chains = try summaries.map(chain(from:))
            let unchained: Int64 = try connection.query(AuditExportSQL.unchainedCount(oneMunicipality: one))[0]
                .decode("n")
            let digest = StreamingSHA256()
            let copy =
                options.format == .jsonl
                ? AuditExportSQL.jsonLinesCopy(oneMunicipality: one) : AuditExportSQL.csvCopy(oneMunicipality: one)
            try connection.copyOut(copy) { bytes in
                digest.update(bytes)
                try write(bytes)
            }
            return Audit.ExportManifest(
                file: fileName, format: options.format, sha256: digest.finalHex(),
                eventCount: chains.reduce(0) { $0 + $1.eventCount },
                firstEventID: try summaries.map { try $0.decode("first_id", as: Int64.self) }.min(),
                lastEventID: try summaries.map { try $0.decode("last_id", as: Int64.self) }.max(),
                from: options.from.map(Audit.timeText), to: options.to.map(Audit.timeText),
                municipality: options.municipality, masked: !options.unmasked, exportedAt: exportedAt, chains: chains,
                unchainedEventCount: unchained)
        }
    }

    /// One exported chain's bounds and the live head, from a `chainSummaries` row.
    private static func chain(from row: PostgresRow) throws -> Audit.ExportManifest.Chain {
        Audit.ExportManifest.Chain(
            municipalityCode: try row.decode("municipality_code"), eventCount: try row.decode("event_count"),
            firstSeq: try row.decode("first_seq"), lastSeq: try row.decode("last_seq"),
            firstPrevHash: try row.decode("first_prev_hash"), lastHash: try row.decode("last_hash"),
            headSeq: try row.decode("head_seq"), headHash: try row.decode("head_hash")
        )
    }

    /// Records, before any personal data leaves, one `personal_data_viewed` event per municipality concerned.
    private static func recordPersonalDataViewed(
        _ options: AuditExportOptions, by viewer: AuditExportViewer, on connection: PostgresConnection
    ) throws {
        try connection.withTransaction { connection in
            var details: [String: JSONValue] = ["purpose": .string("audit_export_unmasked")]
            details["from"] = options.from.map { .string(Audit.timeText($0)) }
            details["to"] = options.to.map { .string(Audit.timeText($0)) }
            let actor: Actor
            switch viewer {
            case .staff(let member):
                actor = member.actor
                details["channel"] = .string("api")
            case .operator(let osUser, let host):
                let role: String = try connection.query("SELECT session_user::text AS role")[0].decode("role")
                actor = Actor(kind: .system, id: String("operator:\(role)".prefix(200)))
                details["channel"] = .string("database")
                details["os_user"] = .string(String(osUser.prefix(100)))
                details["host"] = .string(String(host.prefix(100)))
            }
            let codes = try connection.query(
                AuditExportSQL.municipalitiesConcerned, [options.from, options.to, options.municipality]
            ).map { try $0.decode("code", as: String.self) }
            for code in codes {
                try AuditLog.append(
                    on: connection, municipality: code, actorKind: actor.kind, actor: actor.id,
                    action: .personalDataViewed, requestID: nil, details: details)
            }
        }
    }

}
