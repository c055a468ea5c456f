/// The module grid of a symbol while it is built: function patterns first (ISO/IEC 18004 §6.3), then the codewords
/// in the zigzag of §7.7.3, then a mask and the format information that names it.
///
/// Coordinates are (x, y): column, then row, from the top-left corner.
struct QRMatrix: Sendable {
    let version: QRVersion
    let size: Int
    private(set) var modules: [Bool]
    private var isFunction: [Bool]

    /// A grid with every function pattern of `version` drawn and the format information areas reserved.
    init(version: QRVersion) {
        self.version = version
        size = version.size
        modules = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// Whether (x, y) belongs to a function pattern (never masked, never holding data).
    func isFunctionModule(x: Int, y: Int) -> Bool { isFunction[y * size + x] }

    private mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    private mutating func drawFunctionPatterns() {
        // Timing patterns: row 6 and column 6 alternate, dark on even coordinates; finders overwrite their ends.
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
        drawFinder(centerX: 3, centerY: 3)
        drawFinder(centerX: size - 4, centerY: 3)
        drawFinder(centerX: 3, centerY: size - 4)
        let centers = version.alignmentPatternCenters
        for (row, y) in centers.enumerated() {
            for (column, x) in centers.enumerated() {
                let underFinder =
                    (row == 0 && column == 0) || (row == 0 && column == centers.count - 1)
                    || (row == centers.count - 1 && column == 0)
                if !underFinder {
                    drawAlignment(centerX: x, centerY: y)
                }
            }
        }
        // Reserve the format information areas (written with the mask), and set the dark module.
        drawFormatInformation(0)
        drawVersionInformation()
    }

    /// A 7 × 7 finder pattern with the light separator around it (clipped at the symbol's edge).
    private mutating func drawFinder(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx
                let y = centerY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// A 5 × 5 alignment pattern: dark ring, light ring, dark centre.
    private mutating func drawAlignment(centerX: Int, centerY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centerX + dx, y: centerY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// The 15 format bits (ISO/IEC 18004 §7.9.1), twice: around the top-left finder, and split between the
    /// top-right and bottom-left ones; bit 0 is the least significant. Also the dark module beside the latter.
    mutating func drawFormatInformation(_ bits: Int) {
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 {
            setFunction(x: 8, y: index, dark: bit(index))
        }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for index in 9..<15 {
            setFunction(x: 14 - index, y: 8, dark: bit(index))
        }
        for index in 0..<8 {
            setFunction(x: size - 1 - index, y: 8, dark: bit(index))
        }
        for index in 8..<15 {
            setFunction(x: 8, y: size - 15 + index, dark: bit(index))
        }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// The 18 version bits (ISO/IEC 18004 §7.10), from version 7 on: two 6 × 3 blocks beside the top-right and
    /// bottom-left finders, transposed copies of each other.
    private mutating func drawVersionInformation() {
        guard version.number >= 7 else { return }
        let bits = QRFormat.versionBits(version.number)
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let near = index / 3
            let far = size - 11 + index % 3
            setFunction(x: far, y: near, dark: dark)
            setFunction(x: near, y: far, dark: dark)
        }
    }

    /// Writes `codewords` most significant bit first, in two-column strips from the right edge, upward and downward
    /// in turn, skipping function modules and the vertical timing column (ISO/IEC 18004 §7.7.3). Modules left over
    /// are the remainder bits, light.
    mutating func place(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 {
                right = 5
            }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunctionModule(x: x, y: y) && index < bitCount {
                    modules[y * size + x] = (codewords[index >> 3] >> UInt8(7 - (index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// Inverts every data module where `mask` says so; applying the same mask again undoes it.
    mutating func apply(_ mask: QRMask) {
        for y in 0..<size {
            for x in 0..<size where !isFunctionModule(x: x, y: y) && mask.inverts(x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }
}
