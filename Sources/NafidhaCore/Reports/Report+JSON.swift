import NafidhaContract

extension Report {
    /// One JSON object: `report`, `title`, the scope (`from`, `to` half-open, `municipality`, `sector`,
    /// `generated_at`), and one array of row objects per table under its key (`rows`, and `clerks` for
    /// throughput). Counts are integers, measures numbers (shares as fractions), missing measures `null`.
    public func json(language: Language) -> String {
        var out =
            "{\"report\":\(JSONString.literal(name.rawValue)),\"title\":\(JSONString.literal(title.text(in: language)))"
        out += ",\"from\":\(JSONString.literal(AuditExportSQL.timeText(query.from)))"
        out += ",\"to\":\(JSONString.literal(AuditExportSQL.timeText(query.to)))"
        out += ",\"generated_at\":\(JSONString.literal(AuditExportSQL.timeText(query.now)))"
        out += ",\"municipality\":" + (query.municipality.map(JSONString.literal) ?? "null")
        out += ",\"sector\":" + (query.sector.map(JSONString.literal) ?? "null")
        for table in tables {
            out += ",\(JSONString.literal(table.key)):["
            out += table.rows.map { row in
                "{"
                    + zip(table.columns, row).map { column, value in
                        "\(JSONString.literal(column.key)):\(Self.jsonValue(value))"
                    }.joined(separator: ",") + "}"
            }.joined(separator: ",")
            out += "]"
        }
        return out + "}"
    }

    private static func jsonValue(_ value: ReportValue) -> String {
        switch value {
        case .text(let text): JSONString.literal(text)
        case .integer(let number): String(number)
        case .decimal(let number, let places): number.map { ReportValue.fixed($0, places: places) } ?? "null"
        }
    }

}
