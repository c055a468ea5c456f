import Foundation
import NafidhaContract

/// A computed report: one or more tables of figures, ready to render as CSV, JSON or HTML.
public struct Report: Sendable {
    /// Which report.
    public var name: Reports.Name
    /// Its title.
    public var title: LocalizedText
    /// The scope it was computed for.
    public var query: ReportQuery
    /// Its tables, the main one first.
    public var tables: [ReportTable]

    /// Assembles a report.
    public init(name: Reports.Name, title: LocalizedText, query: ReportQuery, tables: [ReportTable]) {
        self.name = name
        self.title = title
        self.query = query
        self.tables = tables
    }
}

/// One table of a report.
public struct ReportTable: Sendable {
    /// The table's key in JSON (`rows`, `clerks`).
    public var key: String
    /// Its caption.
    public var title: LocalizedText
    /// Its columns, in order.
    public var columns: [ReportColumn]
    /// Its rows; each has one value per column.
    public var rows: [[ReportValue]]
    /// The chart the HTML page draws for it, if any.
    public var chart: ReportChart?

    /// Assembles a table.
    public init(key: String, title: LocalizedText, columns: [ReportColumn], rows: [[ReportValue]], chart: ReportChart?)
    {
        self.key = key
        self.title = title
        self.columns = columns
        self.rows = rows
        self.chart = chart
    }
}

/// A column: its JSON key and its localized header.
public struct ReportColumn: Sendable {
    /// The snake_case key used in JSON.
    public var key: String
    /// The header in each language.
    public var label: LocalizedText

    /// Describes a column.
    public init(_ key: String, ar: String, fr: String, en: String) {
        self.key = key
        self.label = LocalizedText(ar: ar, fr: fr, en: en)
    }
}

/// One figure or label in a report.
public enum ReportValue: Sendable, Equatable {
    /// A label (a code, a date, a login).
    case text(String)
    /// A count.
    case integer(Int64)
    /// A measure rounded to `places` decimals; nil when there is nothing to measure (no completed request).
    case decimal(Double?, places: Int)

    /// The value as CSV and HTML show it.
    public var displayText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .decimal(let value, let places): value.map { Self.fixed($0, places: places) } ?? ""
        }
    }

    /// The value as a number, for charts.
    var number: Double? {
        switch self {
        case .text: nil
        case .integer(let value): Double(value)
        case .decimal(let value, _): value
        }
    }

    /// `value` with exactly `places` decimals, rounded half away from zero, without locale.
    static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled) - whole * Int64(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }
}

/// A chart of one table: bars of one column per row label, or lines of columns along the rows.
public enum ReportChart: Sendable {
    /// One bar per row: `labels` columns joined form the bar's name, `value` its length.
    case bars(labels: [String], value: String)
    /// One line per `series` column, summed per `x` value (rows sharing an x are added up).
    case lines(x: String, series: [String])
}
