/// A plain-text table whose columns stay aligned with Arabic and mixed text: widths are terminal display widths
/// (combining marks and format characters take no column, wide East Asian characters two), and a cell holding
/// right-to-left text is wrapped in a first-strong isolate (U+2068 … U+2069) so the terminal's bidi algorithm
/// cannot reorder it across the column padding.
struct TerminalTable {
    var headers: [String]
    var rows: [[String]] = []

    /// The table as lines joined with newlines; `style` paints the header and flagged rows.
    func render(style: TerminalStyle, highlighted: Set<Int> = []) -> String {
        let cells = rows.map { $0.map(Self.isolated) }
        var widths = headers.map(Self.displayWidth)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.displayWidth(cell))
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index == row.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[index] - Self.displayWidth(cell))
            }.joined(separator: "  ")
        }
        var lines = [style.bold(line(headers))]
        for (index, row) in cells.enumerated() {
            lines.append(highlighted.contains(index) ? style.red(line(row)) : line(row))
        }
        return lines.joined(separator: "\n")
    }

    /// Columns the text takes in a terminal.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        let value = scalar.value
        let wide =
            (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) && value != 0x303F
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
            || (0x1F300...0x1F64F).contains(value) || (0x1F900...0x1F9FF).contains(value)
            || (0x20000...0x3FFFD).contains(value)
        return wide ? 2 : 1
    }

    /// Wraps text holding right-to-left letters (Hebrew, Arabic and their presentation forms) in an isolate.
    static func isolated(_ text: String) -> String {
        let rightToLeft = text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (0x0590...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value)
                || (0xFE70...0xFEFF).contains(value)
        }
        return rightToLeft ? "\u{2068}" + text + "\u{2069}" : text
    }
}
