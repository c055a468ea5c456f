/// The formats a report renders to.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// RFC 4180 CSV in UTF-8 (optionally with a BOM for spreadsheets).
    case csv
    /// One JSON object.
    case json
    /// One self-contained HTML page with SVG charts.
    case html

    /// The media type to serve it with.
    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }
}
