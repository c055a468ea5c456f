/// A plain-text table whose columns stay aligned with Arabic and mixed text: widths are terminal display widths
/// (combining marks and format characters take no column, wide East Asian characters two), and every cell goes
/// through `isolated`: right-to-left text wrapped in a first-strong isolate (U+2068 … U+2069) so the terminal's bidi
/// algorithm cannot reorder it across the column padding, and no control or bidi override obeyed.
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

    /// A cell as the terminal may show it: user-supplied text is printed, never obeyed. Controls (an escape
    /// sequence would repaint the terminal) and noncharacters show as U+FFFD; the embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069) are dropped, so none can reorder the rest of the row; and each line holding
    /// right-to-left letters or bidi marks is wrapped in a first-strong isolate (U+2068 … U+2069), so the terminal's
    /// bidi algorithm cannot reorder it across the column padding. Older rows may hold what the text policy now
    /// refuses: this is what keeps them harmless.
    static func isolated(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var scalars = String.UnicodeScalarView()
            var needsIsolate = false
            for scalar in line.unicodeScalars {
                let value = scalar.value
                switch value {
                case 0x202A...0x202E, 0x2066...0x2069:
                    continue
                case 0x200E, 0x200F, 0x061C, 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF:
                    needsIsolate = true
                default:
                    break
                }
                let unsafe =
                    (scalar.properties.generalCategory == .control && scalar != "\t")
                    || scalar.properties.isNoncharacterCodePoint || value == 0x2028 || value == 0x2029
                scalars.append(unsafe ? "\u{FFFD}" : scalar)
            }
            let cleaned = String(scalars)
            return needsIsolate ? "\u{2068}" + cleaned + "\u{2069}" : cleaned
        }.joined(separator: "\n")
    }
}
