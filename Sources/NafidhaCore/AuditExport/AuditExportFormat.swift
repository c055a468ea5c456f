/// The file formats of an audit export.
public enum AuditExportFormat: String, Sendable, Codable, CaseIterable {
    /// One JSON object per line.
    case jsonl
    /// RFC 4180 CSV with a header line (PostgreSQL's CSV: fields quoted when needed, lines end with LF).
    case csv
}
