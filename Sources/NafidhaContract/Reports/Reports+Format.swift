extension Reports {
    /// The formats `GET /v1/reports/{name}` renders (`format=`).
    public enum Format: String, Codable, Sendable, CaseIterable {
        /// One JSON object (`Reports.Document`), the default.
        case json
        /// RFC 4180 CSV in UTF-8, CRLF line ends; with `excel=true` a byte order mark first.
        case csv
        /// One self-contained HTML page with SVG charts.
        case html
    }
}
