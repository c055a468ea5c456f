import NafidhaContract

/// Draws a table's chart as inline SVG: horizontal bars, or one polyline per series.
struct ReportChartSVG {
    let table: ReportTable
    let chart: ReportChart
    let language: Language

    private static let width = 720.0
    private static let colours = ["#2a6f97", "#c8553d", "#588157", "#7b2cbf"]

    var svg: String {
        switch chart {
        case .bars(let labels, let value): bars(labels: labels, value: value)
        case .lines(let x, let series): lines(x: x, series: series)
        }
    }

    private func index(_ key: String) -> Int? {
        table.columns.firstIndex { $0.key == key }
    }

    private func bars(labels: [String], value: String) -> String {
        guard let valueIndex = index(value) else { return "" }
        let labelIndexes = labels.compactMap(index)
        let items = table.rows.map { row in
            (
                labelIndexes.map { row[$0].displayText }.joined(separator: " · "), row[valueIndex].number ?? 0,
                row[valueIndex].displayText
            )
        }
        let maximum = max(items.map(\.1).max() ?? 0, value.hasSuffix("share") ? 1 : 0, 1e-9)
        let rowHeight = 22.0
        let labelWidth = 220.0
        let barSpace = Self.width - labelWidth - 70
        let height = Double(items.count) * rowHeight + 10
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bars\" width=\"\(Int(Self.width))\" "
            + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" "
            + "aria-label=\"\(Report.escape(label(of: value)))\">"
        for (position, item) in items.enumerated() {
            let y = 5 + Double(position) * rowHeight
            let length = max(0, item.1 / maximum * barSpace)
            out +=
                "<text x=\"\(Int(labelWidth - 6))\" y=\"\(Self.number(y + 15))\" text-anchor=\"end\">\(Report.escape(item.0))</text>"
            out +=
                "<rect class=\"bar\" x=\"\(Int(labelWidth))\" y=\"\(Self.number(y + 3))\" width=\"\(Self.number(length))\" "
                + "height=\"\(Int(rowHeight - 6))\" fill=\"\(Self.colours[0])\"/>"
            out +=
                "<text x=\"\(Self.number(labelWidth + length + 4))\" y=\"\(Self.number(y + 15))\">\(Report.escape(item.2))</text>"
        }
        return out + "</svg>"
    }

    private func lines(x: String, series: [String]) -> String {
        guard let xIndex = index(x) else { return "" }
        let seriesIndexes = series.compactMap(index)
        var sums: [String: [Double]] = [:]
        for row in table.rows {
            var values = sums[row[xIndex].displayText] ?? Array(repeating: 0, count: seriesIndexes.count)
            for (slot, column) in seriesIndexes.enumerated() { values[slot] += row[column].number ?? 0 }
            sums[row[xIndex].displayText] = values
        }
        let xs = sums.keys.sorted()
        let maximum = max(sums.values.flatMap { $0 }.max() ?? 0, 1)
        let height = 260.0
        let left = 50.0
        let right = 20.0
        let top = 30.0
        let bottom = 40.0
        let plotWidth = Self.width - left - right
        let plotHeight = height - top - bottom
        func px(_ position: Int) -> Double {
            left + (xs.count > 1 ? Double(position) / Double(xs.count - 1) * plotWidth : plotWidth / 2)
        }
        func py(_ value: Double) -> Double { top + plotHeight - value / maximum * plotHeight }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart lines\" width=\"\(Int(Self.width))\" "
            + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\">"
        out +=
            "<line x1=\"\(Int(left))\" y1=\"\(Int(top + plotHeight))\" x2=\"\(Int(left + plotWidth))\" y2=\"\(Int(top + plotHeight))\" stroke=\"#999\"/>"
        out += "<text x=\"\(Int(left - 6))\" y=\"\(Int(top + 4))\" text-anchor=\"end\">\(Self.number(maximum))</text>"
        out += "<text x=\"\(Int(left - 6))\" y=\"\(Int(top + plotHeight))\" text-anchor=\"end\">0</text>"
        if let first = xs.first, let last = xs.last {
            out += "<text x=\"\(Int(left))\" y=\"\(Int(height - 20))\">\(Report.escape(first))</text>"
            out +=
                "<text x=\"\(Int(left + plotWidth))\" y=\"\(Int(height - 20))\" text-anchor=\"end\">\(Report.escape(last))</text>"
        }
        for (slot, key) in series.enumerated() where slot < seriesIndexes.count {
            let colour = Self.colours[slot % Self.colours.count]
            let points = xs.enumerated().map {
                "\(Self.number(px($0.offset))),\(Self.number(py(sums[$0.element]![slot])))"
            }
            out +=
                "<polyline class=\"line\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            for (position, period) in xs.enumerated() {
                out +=
                    "<circle cx=\"\(Self.number(px(position)))\" cy=\"\(Self.number(py(sums[period]![slot])))\" r=\"2.5\" fill=\"\(colour)\"/>"
            }
            out +=
                "<rect x=\"\(Int(left + Double(slot) * 160))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            out += "<text x=\"\(Int(left + Double(slot) * 160 + 16))\" y=\"18\">\(Report.escape(label(of: key)))</text>"
        }
        return out + "</svg>"
    }

    private func label(of key: String) -> String {
        table.columns.first { $0.key == key }?.label.text(in: language) ?? key
    }

    private static func number(_ value: Double) -> String {
        ReportValue.fixed(value, places: 1)
    }
}
