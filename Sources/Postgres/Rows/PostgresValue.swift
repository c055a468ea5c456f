import CLibPQ

/// One cell of a result, read lazily from the result that holds it.
public struct PostgresValue: Sendable {
    let result: ResultHandle
    let row: Int32
    let column: Int32

    /// True when the cell is SQL NULL.
    public var isNull: Bool { PQgetisnull(result.pointer, row, column) == 1 }

    /// The PostgreSQL type OID of the column.
    public var typeOID: UInt32 { PQftype(result.pointer, column) }

    /// The text form of the cell, or nil for NULL.
    public var text: String? {
        if isNull { return nil }
        return withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the cell's text bytes, valid only during the call; nil for NULL.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        if isNull { return nil }
        let length = Int(PQgetlength(result.pointer, row, column))
        guard let start = PQgetvalue(result.pointer, row, column) else { return try body(.init(start: nil, count: 0)) }
        return try start.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}
