/// One of the eight data mask patterns of ISO/IEC 18004 §7.8.2, and the penalty rules (§7.8.3) that choose one.
struct QRMask: Hashable, Sendable {
    /// The mask pattern reference, 0 ... 7.
    let number: Int

    static let all = (0..<8).map(QRMask.init)

    /// Whether the mask inverts the module at column `x`, row `y` (the standard's i is the row, j the column).
    func inverts(x: Int, y: Int) -> Bool {
        switch number {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// The penalty score of a finished symbol (the lower, the easier to read):
    /// N1 = 3 for each run of 5 same-coloured modules in a row or column, plus 1 per module beyond 5;
    /// N2 = 3 for each 2 × 2 block of one colour (overlapping blocks counted);
    /// N3 = 40 for each 1:1:3:1:1 finder-like pattern with 4 light modules on one side (within the symbol);
    /// N4 = 10 for each full 5 % step that the proportion of dark modules strays from 50 %.
    static func penalty(of matrix: QRMatrix) -> Int {
        let size = matrix.size
        var score = 0
        for line in 0..<size {
            score += linePenalty((0..<size).map { matrix[$0, line] })
            score += linePenalty((0..<size).map { matrix[line, $0] })
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let color = matrix[x, y]
                if matrix[x + 1, y] == color && matrix[x, y + 1] == color && matrix[x + 1, y + 1] == color {
                    score += 3
                }
            }
        }
        let dark = matrix.modules.lazy.filter { $0 }.count
        let total = size * size
        score += 10 * (abs(dark * 20 - total * 10) / total)
        return score
    }

    private static let finderLike: [[Bool]] = [
        [true, false, true, true, true, false, true, false, false, false, false],
        [false, false, false, false, true, false, true, true, true, false, true],
    ]

    /// N1 and N3 along one row or column.
    private static func linePenalty(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for index in 1...line.count {
            if index < line.count && line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 {
                    score += 3 + (run - 5)
                }
                run = 1
            }
        }
        if line.count >= 11 {
            for start in 0...(line.count - 11) {
                for pattern in finderLike where line[start..<start + 11].elementsEqual(pattern) {
                    score += 40
                }
            }
        }
        return score
    }
}
