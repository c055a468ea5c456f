import Testing

@testable import Transparency

/// The symbol's structure: function patterns where ISO/IEC 18004 puts them, format and version information that
/// name the chosen mask and version, the lowest-penalty mask, and the SVG rendering.
@Suite("QR Code symbols")
struct QRCodeTests {
    /// The 15 format bits read back from one of the two copies (bit 0 first, as `drawFormatInformation` writes).
    func formatBits(_ code: QRCode, secondCopy: Bool) -> Int {
        let n = code.size
        let positions: [(Int, Int)] =
            secondCopy
            ? (0..<8).map { (n - 1 - $0, 8) } + (8..<15).map { (8, n - 15 + $0) }
            : (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (9..<15).map { (14 - $0, 8) }
        return positions.enumerated().reduce(0) { bits, item in
            bits | (code.isDark(x: item.element.0, y: item.element.1) ? 1 << item.offset : 0)
        }
    }

    func hasFinder(_ code: QRCode, left: Int, top: Int) -> Bool {
        (0..<7).allSatisfy { dy in
            (0..<7).allSatisfy { dx in
                let ring = max(abs(dx - 3), abs(dy - 3))
                return code.isDark(x: left + dx, y: top + dy) == (ring != 2)
            }
        }
    }

    @Test("finder patterns, timing patterns and the dark module are in place", arguments: [1, 20, 100, 300])
    func functionPatterns(length: Int) throws {
        let code = try QRCode(bytes: [UInt8](repeating: 0x61, count: length))
        let n = code.size
        #expect(n == 17 + 4 * code.version)
        #expect(hasFinder(code, left: 0, top: 0))
        #expect(hasFinder(code, left: n - 7, top: 0))
        #expect(hasFinder(code, left: 0, top: n - 7))
        #expect(!hasFinder(code, left: n - 7, top: n - 7))
        for index in 8..<(n - 8) {
            #expect(code.isDark(x: index, y: 6) == (index % 2 == 0))
            #expect(code.isDark(x: 6, y: index) == (index % 2 == 0))
        }
        #expect(code.isDark(x: 8, y: n - 8))
    }

    @Test("both copies of the format information name level M and the chosen mask", arguments: [1, 20, 100, 300])
    func formatInformation(length: Int) throws {
        let code = try QRCode(bytes: (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7) })
        let expected = QRFormat.formatBits(levelM: QRMask(number: code.mask))
        #expect(formatBits(code, secondCopy: false) == expected)
        #expect(formatBits(code, secondCopy: true) == expected)
    }

    @Test("from version 7, both copies of the version information name the version")
    func versionInformation() throws {
        let code = try QRCode(bytes: [UInt8](repeating: 0x30, count: 300))
        #expect(code.version == 13)
        let n = code.size
        var topRight = 0
        var bottomLeft = 0
        for index in 0..<18 {
            if code.isDark(x: n - 11 + index % 3, y: index / 3) { topRight |= 1 << index }
            if code.isDark(x: index / 3, y: n - 11 + index % 3) { bottomLeft |= 1 << index }
        }
        #expect(topRight == 0x0D847)
        #expect(bottomLeft == 0x0D847)
    }

    @Test("the chosen mask has the lowest penalty of the eight")
    func lowestPenalty() throws {
        for text in ["https://nafidha.example/v/TRP/2027-000123", "PagedOut!", String(repeating: "x", count: 90)] {
            let code = try QRCode(text: text)
            let version = QRVersion(code.version)
            let data = QRCodewords.data(Array(text.utf8), version: version)
            var unmasked = QRMatrix(version: version)
            unmasked.place(QRCodewords.withErrorCorrection(data, version: version))
            let penalties = QRMask.all.map { mask in
                var candidate = unmasked
                candidate.apply(mask)
                candidate.drawFormatInformation(QRFormat.formatBits(levelM: mask))
                return QRMask.penalty(of: candidate)
            }
            #expect(penalties[code.mask] == penalties.min())
            #expect(Set(penalties).count > 1, "the masks are told apart")
        }
    }

    @Test("placement fills every data module exactly once, with remainder bits left over")
    func placementCoversDataModules() {
        for number in [1, 2, 7, 14, 40] {
            let version = QRVersion(number)
            let matrix = QRMatrix(version: version)
            let free = (0..<matrix.size).reduce(0) { count, y in
                count + (0..<matrix.size).filter { !matrix.isFunctionModule(x: $0, y: y) }.count
            }
            #expect(free == version.dataModuleCount, "version \(number)")
            var filled = matrix
            filled.place([UInt8](repeating: 0xff, count: version.totalCodewords))
            let dark = (0..<matrix.size).reduce(0) { count, y in
                count + (0..<matrix.size).filter { !matrix.isFunctionModule(x: $0, y: y) && filled[$0, y] }.count
            }
            #expect(dark == version.totalCodewords * 8)
        }
    }

    @Test("the SVG has a module viewBox with the quiet zone, crisp edges, one path of runs, no external reference")
    func svg() throws {
        let code = try QRCode(text: "https://nafidha.example/v/TRP/2027-000123")
        let svg = code.svg()
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.components(separatedBy: "<path").count == 2)
        for forbidden in ["href", "url(", "<image", "<style", "<script", "@import", "<text"] {
            #expect(!svg.contains(forbidden))
        }
        let openingTag = { (svg: String) in svg.prefix { $0 != ">" } }
        #expect(!openingTag(svg).contains(" width="))
        #expect(openingTag(code.svg(moduleSize: 4)).contains(" width=\"\(side * 4)\" height=\"\(side * 4)\""))
        // Redraw the path's runs and compare with the modules.
        let path = svg.components(separatedBy: " d=\"")[1].components(separatedBy: "\"")[0]
        var drawn = Set<[Int]>()
        for run in path.split(separator: "M") {
            let numbers = run.split(whereSeparator: { !$0.isNumber }).map { Int($0)! }
            let (x, y, length) = (numbers[0] - 4, numbers[1] - 4, numbers[2])
            for offset in 0..<length { drawn.insert([x + offset, y]) }
        }
        for y in 0..<code.size {
            for x in 0..<code.size {
                #expect(drawn.contains([x, y]) == code.isDark(x: x, y: y))
            }
        }
    }
}
