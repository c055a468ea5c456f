/// Splits bytes into LF-terminated lines as they arrive; blank lines are skipped, a line over `limit` bytes is
/// reported as nil (malformed) instead of growing without bound.
struct LineSplitter {
    private let limit: Int
    private var line = [UInt8]()
    private var overLimit = false

    init(limit: Int) {
        self.limit = limit
    }

    mutating func feed(_ bytes: [UInt8], emit: ([UInt8]?) -> Void) {
        for byte in bytes {
            if byte == 0x0A {
                flush(emit)
            } else if line.count < limit {
                line.append(byte)
            } else {
                overLimit = true
            }
        }
    }

    /// Emits a last line that had no line break.
    mutating func finish(emit: ([UInt8]?) -> Void) {
        flush(emit)
    }

    private mutating func flush(_ emit: ([UInt8]?) -> Void) {
        if overLimit {
            emit(nil)
        } else if line.contains(where: { $0 != 0x0D && $0 != 0x20 }) {
            emit(line)
        }
        line.removeAll(keepingCapacity: true)
        overLimit = false
    }
}
