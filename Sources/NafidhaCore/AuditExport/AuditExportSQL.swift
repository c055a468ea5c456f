import Foundation
import NafidhaContract

/// The export's SQL. COPY takes no parameters, so every statement reads its filters from the transaction's
/// settings (`nafidha.export_from`, `_to`, `_municipality`, `_unmasked`), which the exporter sets with parameters.
///
/// Each setting is read in an uncorrelated sub-select, which PostgreSQL evaluates once per statement (an InitPlan):
/// `current_setting` called in the filter itself ran three times per row and cost as much as the rest of the query.
/// The statements are constants; only whether one municipality is selected picks between two of them, so that its
/// filter is an index condition.
enum AuditExportSQL {
    /// Prepares the export's transaction: the filters, and no sort. PostgreSQL cannot estimate filters it only
    /// learns when the statement runs, and guessed that a sort of "a few rows" beat reading the
    /// `(municipality_code, seq)` index in order; for a million events that sort took longer than the export.
    static let settings = """
        SELECT set_config('nafidha.export_from', coalesce($1::timestamptz, '-infinity')::text, true),
               set_config('nafidha.export_to', coalesce($2::timestamptz, 'infinity')::text, true),
               set_config('nafidha.export_municipality', coalesce($3, ''), true),
               set_config('nafidha.export_unmasked', $4, true),
               set_config('enable_sort', 'off', true)
        """

    /// The events of the export's range (and municipality), chained or not.
    private static func rangeFilter(oneMunicipality: Bool) -> String {
        """
         WHERE e.occurred_at >= (SELECT current_setting('nafidha.export_from')::timestamptz)
           AND e.occurred_at < (SELECT current_setting('nafidha.export_to')::timestamptz)
        """
            + (oneMunicipality
                ? " AND e.municipality_code = (SELECT current_setting('nafidha.export_municipality'))" : "")
    }

    /// The chained events the export selects.
    private static func filter(oneMunicipality: Bool) -> String {
        rangeFilter(oneMunicipality: oneMunicipality) + " AND e.seq IS NOT NULL"
    }

    /// The selected chained events in chain order, hashed fields verbatim, plus masked context from the request.
    ///
    /// Masking: a name becomes its initials (`Amal  Ben Ali` → `A. B. A.`: blanks collapsed, then each word its first
    /// character and a dot), a national id its last four characters. The hashed fields are never masked: they carry
    /// no personal data by rule (docs/audit.md) and must stay verifiable.
    private static func selection(oneMunicipality: Bool) -> String {
        """
        SELECT e.id, e.municipality_code, e.seq, audit_time_text(e.occurred_at) AS occurred_at, e.actor_kind,
               e.actor, e.action, e.request_id, e.task_id, e.details, encode(e.prev_hash, 'hex') AS prev_hash,
               encode(e.hash, 'hex') AS hash, r.tracking_number,
               CASE WHEN (SELECT current_setting('nafidha.export_unmasked')) = 'on' THEN r.applicant_name
                    ELSE regexp_replace(regexp_replace(btrim(r.applicant_name), '\\s+', ' ', 'g'), '(\\S)\\S*', '\\1.',
                                        'g') END AS applicant_name,
               CASE WHEN (SELECT current_setting('nafidha.export_unmasked')) = 'on' THEN r.applicant_national_id
                    ELSE right(r.applicant_national_id, 4) END AS applicant_national_id
          FROM audit_events e
          LEFT JOIN requests r ON r.id = e.request_id
        """ + filter(oneMunicipality: oneMunicipality) + " ORDER BY e.municipality_code, e.seq"
    }

    /// One compact JSON object per event, keys in column order, each line exactly `row_to_json`'s text. Written in
    /// COPY's CSV format with a quote and a delimiter that JSON text never holds raw (0x01, 0x02: JSON escapes every
    /// control character), so COPY quotes and escapes nothing and the bytes need no decoding on the way out.
    static func jsonLinesCopy(oneMunicipality: Bool) -> String {
        "COPY (SELECT row_to_json(x) FROM (\(selection(oneMunicipality: oneMunicipality))) x) TO STDOUT"
            + " (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')"
    }

    /// The same rows as CSV with a header line.
    static func csvCopy(oneMunicipality: Bool) -> String {
        "COPY (\(selection(oneMunicipality: oneMunicipality))) TO STDOUT (FORMAT csv, HEADER true)"
    }

    /// Events of the range still waiting for the sequencer, hence not in the file (through the partial index of
    /// unchained events).
    static func unchainedCount(oneMunicipality: Bool) -> String {
        "SELECT count(*) AS n FROM audit_events e" + rangeFilter(oneMunicipality: oneMunicipality)
            + " AND e.seq IS NULL"
    }

    /// Per chain: count, id range, first and last links in the range, and the live head.
    static func chainSummaries(oneMunicipality: Bool) -> String {
        """
        WITH c AS (
            SELECT e.municipality_code, count(*) AS event_count, min(e.seq) AS first_seq, max(e.seq) AS last_seq,
                   min(e.id) AS first_id, max(e.id) AS last_id
              FROM audit_events e
        """ + filter(oneMunicipality: oneMunicipality) + """
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
    }

    /// The municipalities with events in the range (and the municipality filter): each gets a record of an unmasked
    /// export. One probe per municipality, stopping at its first event, rather than reading the whole range.
    static let municipalitiesConcerned = """
        SELECT m.code FROM municipalities m
         WHERE ($3::text IS NULL OR m.code = $3)
           AND EXISTS (SELECT 1 FROM audit_events e
                        WHERE e.municipality_code = m.code
                          AND e.occurred_at >= coalesce($1::timestamptz, '-infinity')
                          AND e.occurred_at < coalesce($2::timestamptz, 'infinity'))
         ORDER BY m.code
        """

    /// `2026-03-01T08:15:00.000000Z` (`Audit.timeText`), the form `audit_time_text` gives; reports print their
    /// instants so too.
    static func timeText(_ date: Date) -> String {
        Audit.timeText(date)
    }
}
