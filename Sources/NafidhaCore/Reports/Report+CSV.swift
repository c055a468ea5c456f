import NafidhaContract

extension Report {
    /// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote, CR or LF (quotes doubled),
    /// headers in `language`. A report with several tables writes them one after another, separated by an empty
    /// line. `excelBOM` prefixes the UTF-8 byte order mark so spreadsheets read Arabic correctly.
    public func csv(language: Language, excelBOM: Bool = false) -> String {
        var out = excelBOM ? "\u{FEFF}" : ""
        for (index, table) in tables.enumerated() {
            if index > 0 { out += "\r\n" }
            out += table.columns.map { Self.csvField($0.label.text(in: language)) }.joined(separator: ",") + "\r\n"
            for row in table.rows {
                out += row.map { Self.csvField($0.displayText) }.joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// One field, quoted only when RFC 4180 requires it.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
