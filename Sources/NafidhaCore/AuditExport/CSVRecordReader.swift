/// Splits RFC 4180 CSV into records as bytes arrive; quoted fields may hold commas, quotes and line breaks.
///
/// A field's `quoted` flag tells an empty string (`""`) from PostgreSQL's NULL (nothing between the commas).
struct CSVRecordReader {
    /// One field of a record.
    struct Field: Equatable {
        var text: String
        var quoted: Bool
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private var state = State.fieldStart
    private var field = [UInt8]()
    private var fieldQuoted = false
    private var record = [Field]()
    /// The longest field accepted, so a file without closing quote cannot exhaust memory.
    static let maximumFieldBytes = 1 << 20

    /// Feeds `bytes`, calling `emit` for every record completed.
    mutating func feed(_ bytes: some Sequence<UInt8>, emit: ([Field]) throws -> Void) throws {
        for byte in bytes {
            switch state {
            case .fieldStart where byte == UInt8(ascii: "\""):
                state = .quoted
                fieldQuoted = true
            case .fieldStart, .unquoted:
                if byte == UInt8(ascii: ",") {
                    endField()
                } else if byte == 0x0A {
                    endField()
                    try emit(record)
                    record.removeAll(keepingCapacity: true)
                } else if byte != 0x0D {
                    try append(byte)
                    state = .unquoted
                }
            case .quoted:
                if byte == UInt8(ascii: "\"") { state = .quoteInQuoted } else { try append(byte) }
            case .quoteInQuoted:
                if byte == UInt8(ascii: "\"") {
                    try append(byte)
                    state = .quoted
                } else if byte == UInt8(ascii: ",") {
                    endField()
                } else if byte == 0x0A {
                    endField()
                    try emit(record)
                    record.removeAll(keepingCapacity: true)
                } else if byte != 0x0D {
                    throw CSVError()
                }
            }
        }
    }

    /// Ends the input: a last record without a line break is emitted; an open quote is an error.
    mutating func finish(emit: ([Field]) throws -> Void) throws {
        if state == .quoted { throw CSVError() }
        if state != .fieldStart || !record.isEmpty {
            endField()
            try emit(record)
            record.removeAll()
        }
    }

    private mutating func append(_ byte: UInt8) throws {
        guard field.count < Self.maximumFieldBytes else { throw CSVError() }
        field.append(byte)
    }

    private mutating func endField() {
        record.append(Field(text: String(decoding: field, as: UTF8.self), quoted: fieldQuoted))
        field.removeAll(keepingCapacity: true)
        fieldQuoted = false
        state = .fieldStart
    }

    /// The CSV is malformed (an unterminated quote, text after a closing quote, or a field over the limit).
    struct CSVError: Error {}
}
