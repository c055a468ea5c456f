extension Audit {
    /// The file formats of an audit export.
    public enum ExportFormat: String, Sendable, Codable, CaseIterable {
        /// One JSON object per line.
        case jsonl
        /// RFC 4180 CSV with a header line (PostgreSQL's CSV: fields quoted when needed, lines end with LF).
        case csv

        /// The `Content-Type` the API streams it with.
        public var contentType: String {
            switch self {
            case .jsonl: "application/x-ndjson; charset=utf-8"
            case .csv: "text/csv; charset=utf-8"
            }
        }
    }

    /// The bytes of an export file (JSON lines or CSV) streamed by `GET /v1/audit/export`: not JSON, never decoded
    /// as such. It only gives the route its answer type.
    public struct ExportFile: Codable, Sendable {}
}
