import Foundation

/// The export's SQL. COPY takes no parameters, so every statement reads its filters from the transaction's
/// settings (`nafidha.export_from`, `_to`, `_municipality`, `_unmasked`), set with parameters by the exporter.
enum AuditExportSQL {
    /// The selected chained events in chain order, hashed fields verbatim, plus masked context from the request.
    ///
    /// Masking: a name becomes its initials (`Amal Ben Ali` → `A. B. A.`), a national id its last four digits.
    /// The hashed fields are never masked: they carry no personal data by rule (docs/audit.md) and must stay
    /// verifiable.
    private static let selection = """
        SELECT e.id, e.municipality_code, e.seq, audit_time_text(e.occurred_at) AS occurred_at, e.actor_kind,
               e.actor, e.action, e.request_id, e.task_id, e.details, encode(e.prev_hash, 'hex') AS prev_hash,
               encode(e.hash, 'hex') AS hash, r.tracking_number,
               CASE WHEN r.applicant_name IS NULL THEN NULL
                    WHEN current_setting('nafidha.export_unmasked') = 'on' THEN r.applicant_name
                    ELSE (SELECT string_agg(left(w, 1) || '.', ' ')
                            FROM regexp_split_to_table(btrim(r.applicant_name), '\\s+') AS w) END AS applicant_name,
               CASE WHEN current_setting('nafidha.export_unmasked') = 'on' THEN r.applicant_national_id
                    ELSE right(r.applicant_national_id, 4) END AS applicant_national_id
          FROM audit_events e
          LEFT JOIN requests r ON r.id = e.request_id
        """ + filter + " ORDER BY e.municipality_code, e.seq"

    /// The chained events the export's settings select.
    private static let filter = rangeFilter + " AND e.seq IS NOT NULL"

    /// The events of the export's range and municipality, chained or not.
    private static let rangeFilter = """
         WHERE e.occurred_at >= current_setting('nafidha.export_from')::timestamptz
           AND e.occurred_at < current_setting('nafidha.export_to')::timestamptz
           AND (current_setting('nafidha.export_municipality') = ''
                OR e.municipality_code = current_setting('nafidha.export_municipality'))
        """

    /// Events of the range still waiting for the sequencer, hence not in the file (through the partial index of
    /// unchained events).
    static let unchainedCount = "SELECT count(*) AS n FROM audit_events e" + rangeFilter + " AND e.seq IS NULL"

    /// One compact JSON object per event, keys in column order, in COPY's text format (the exporter undoes its
    /// backslash escapes).
    static let jsonLinesCopy = "COPY (SELECT row_to_json(x) FROM (\(selection)) x) TO STDOUT"

    /// The same rows as CSV with a header line.
    static let csvCopy = "COPY (\(selection)) TO STDOUT (FORMAT csv, HEADER true)"

    /// Per chain: count, id range, first and last links in the range (read through the `(municipality_code, seq)`
    /// index, no sort), and the live head.
    static let chainSummaries = """
        WITH c AS (
            SELECT e.municipality_code, count(*) AS event_count, min(e.seq) AS first_seq, max(e.seq) AS last_seq,
                   min(e.id) AS first_id, max(e.id) AS last_id
              FROM audit_events e
        """ + filter + """
                 GROUP BY e.municipality_code
            )
            SELECT c.*, encode(f.prev_hash, 'hex') AS first_prev_hash, encode(l.hash, 'hex') AS last_hash,
                   h.last_seq AS head_seq, encode(h.last_hash, 'hex') AS head_hash
              FROM c
              JOIN audit_events f ON f.municipality_code = c.municipality_code AND f.seq = c.first_seq
              JOIN audit_events l ON l.municipality_code = c.municipality_code AND l.seq = c.last_seq
              JOIN audit_chain_heads h ON h.municipality_code = c.municipality_code
             ORDER BY c.municipality_code
            """

    /// `2026-03-01T08:15:00.000000Z`, the form `audit_time_text` gives.
    static func timeText(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let micros = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded())
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T\(pad(parts.hour, 2)):"
            + "\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(micros, 6))Z"
    }
}
