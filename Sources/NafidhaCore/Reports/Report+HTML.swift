import NafidhaContract

extension Report {
    /// One self-contained page (no external assets, well-formed XHTML syntax): the title, the scope, then each
    /// table with its SVG chart (bars for SLA and misroutes, lines for throughput). Arabic pages run right to
    /// left; a print style drops the colours and keeps tables whole.
    public func html(language: Language) -> String {
        let rtl = language == .arabic
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)" dir="\(rtl ? "rtl" : "ltr")">
            <head>
            <meta charset="utf-8"/>
            <title>\(Self.escape(title.text(in: language)))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>\(Self.escape(title.text(in: language)))</h1>
            <p class="scope">\(Self.escape(scopeText(language)))</p>

            """
        for table in tables {
            out += "<section>\n<h2>\(Self.escape(table.title.text(in: language)))</h2>\n"
            if let chart = table.chart, !table.rows.isEmpty {
                out += ReportChartSVG(table: table, chart: chart, language: language).svg + "\n"
            }
            out += "<table>\n<thead><tr>"
            out += table.columns.map { "<th>\(Self.escape($0.label.text(in: language)))</th>" }.joined()
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out +=
                    "<tr>"
                    + row.map { value in
                        if case .text = value { return "<td>\(Self.escape(value.displayText))</td>" }
                        return "<td class=\"n\">\(Self.escape(value.displayText))</td>"
                    }.joined() + "</tr>\n"
            }
            if table.rows.isEmpty {
                out +=
                    "<tr><td colspan=\"\(table.columns.count)\">\(Self.escape(Self.noRows.text(in: language)))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    private func scopeText(_ language: Language) -> String {
        let labels: (range: String, municipality: String, sector: String, generated: String) =
            switch language {
            case .arabic: ("الفترة", "البلدية", "القطاع", "أُعدّ في")
            case .french: ("Période", "Municipalité", "Secteur", "Établi le")
            case .english: ("Period", "Municipality", "Sector", "Generated")
            }
        var parts = ["\(labels.range): [\(AuditExportSQL.timeText(query.from)), \(AuditExportSQL.timeText(query.to)))"]
        if let municipality = query.municipality { parts.append("\(labels.municipality): \(municipality)") }
        if let sector = query.sector { parts.append("\(labels.sector): \(sector)") }
        parts.append("\(labels.generated): \(AuditExportSQL.timeText(query.now))")
        return parts.joined(separator: " · ")
    }

    private static let noRows = LocalizedText(ar: "لا توجد بيانات.", fr: "Aucune donnée.", en: "No data.")

    private static let style = """
        body{font-family:"Noto Sans","Noto Naskh Arabic",Arial,sans-serif;margin:2em;color:#1a1a1a}\
        h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}.scope{color:#555}\
        table{border-collapse:collapse;margin-top:1em}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:start}\
        td.n{text-align:end;font-variant-numeric:tabular-nums}thead th{background:#eef2f5}\
        svg{display:block;max-width:100%;direction:ltr}svg text{font-size:11px;fill:#333}\
        @media print{body{margin:0;color:#000}thead th{background:none}section{break-inside:avoid}\
        .bar{fill:#555}.line{stroke:#000}}
        """

    /// Text escaped for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
