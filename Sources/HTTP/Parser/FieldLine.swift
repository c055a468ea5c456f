/// One `name: value` line of a header or trailer section (RFC 9112 §5).
struct FieldLine {
    /// The field name's range within the line.
    var name: Range<Int>
    /// The field value's range, without surrounding whitespace.
    var value: Range<Int>

    /// Splits and validates a field line given without its CRLF.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> FieldLine {
        guard let first = line.first else { throw .badHeader("A field line is empty.") }
        // RFC 9112 §5.2: obs-fold is refused rather than unfolded.
        if ASCII.isWhitespace(first) { throw .obsoleteLineFolding }
        var colon = 0
        while colon < line.count, ASCII.isTokenChar(line[colon]) { colon += 1 }
        guard colon < line.count else { throw .badHeader("A field line has no colon.") }
        if line[colon] != ASCII.colon {
            // RFC 9112 §5.1: whitespace between name and colon must be rejected (request smuggling).
            if ASCII.isWhitespace(line[colon]) {
                throw .badHeader("A field name is followed by whitespace before the colon.")
            }
            throw .badHeader("A field name holds a byte that is not a token character.")
        }
        guard colon > 0 else { throw .badHeader("A field line has an empty name.") }
        let value = ASCII.trimmingWhitespace(line, (colon + 1)..<line.count)
        var index = value.lowerBound
        let start = UnsafeRawPointer(line.baseAddress!)
        while index + 8 <= value.upperBound,
            !ASCII.mayContainControl(start.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        {
            index += 8
        }
        while index < value.upperBound {
            guard ASCII.isFieldValueByte(line[index]) else { throw .badHeader("A field value holds a control byte.") }
            index += 1
        }
        return FieldLine(name: 0..<colon, value: value)
    }
}
