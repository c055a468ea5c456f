import NafidhaContract

extension Report {
    /// One JSON object: `report`, `title`, the scope (`from`, `to` half-open, `municipality`, `sector`,
    /// `generated_at`), and one array of row objects per table under its key (`rows`, and `clerks` for
    /// throughput). Counts are integers, measures numbers (shares as fractions), missing measures `null`.
    public func json(language: Language) -> String {
        var out = "{\"report\":\(Self.jsonString(name.rawValue)),\"title\":\(Self.jsonString(title.text(in: language)))"
        out += ",\"from\":\(Self.jsonString(AuditExportSQL.timeText(query.from)))"
        out += ",\"to\":\(Self.jsonString(AuditExportSQL.timeText(query.to)))"
        out += ",\"generated_at\":\(Self.jsonString(AuditExportSQL.timeText(query.now)))"
        out += ",\"municipality\":" + (query.municipality.map(Self.jsonString) ?? "null")
        out += ",\"sector\":" + (query.sector.map(Self.jsonString) ?? "null")
        for table in tables {
            out += ",\(Self.jsonString(table.key)):["
            out += table.rows.map { row in
                "{"
                    + zip(table.columns, row).map { column, value in
                        "\(Self.jsonString(column.key)):\(Self.jsonValue(value))"
                    }.joined(separator: ",") + "}"
            }.joined(separator: ",")
            out += "]"
        }
        return out + "}"
    }

    private static func jsonValue(_ value: ReportValue) -> String {
        switch value {
        case .text(let text): jsonString(text)
        case .integer(let number): String(number)
        case .decimal(let number, let places): number.map { ReportValue.fixed($0, places: places) } ?? "null"
        }
    }

    /// A JSON string literal (RFC 8259 §7).
    static func jsonString(_ text: String) -> String {
        JSONString.literal(text)
    }
}
