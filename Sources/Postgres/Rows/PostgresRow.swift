/// One row of a result; decode its columns by name or by position.
public struct PostgresRow: Sendable {
    let result: ResultHandle
    let row: Int32

    /// Decodes the column named exactly `column` as `T`; throws an error naming the column when it does not decode.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let index = result.columnIndex(named: column) else {
            var error = PostgresError(
                code: .missingColumn,
                message:
                    "the result has no column \"\(column)\" (columns: \(result.columnNames.joined(separator: ", ")))"
            )
            error.column = column
            throw error
        }
        return try decode(index, as: type)
    }

    /// Decodes the column at `index` (0-based) as `T`; throws an error naming the column when it does not decode.
    public func decode<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard index >= 0, index < result.columnNames.count else {
            throw PostgresError(
                code: .missingColumn,
                message: "the result has \(result.columnNames.count) columns; there is no column \(index)"
            )
        }
        let value = PostgresValue(result: result, row: row, column: Int32(index))
        if let decoded = T.decode(from: value) { return decoded }
        let name = result.columnNames[index]
        let problem =
            value.isNull
            ? "is NULL; decode it as \(T.self)? to accept NULL"
            : "holds a value (type OID \(value.typeOID)) that does not decode as \(T.self)"
        var error = PostgresError(code: .decodingFailed, message: "column \"\(name)\" \(problem)")
        error.column = name
        throw error
    }

    /// The raw cell at `index`, for types without a `PostgresDecodable` conformance.
    public subscript(index: Int) -> PostgresValue {
        precondition(index >= 0 && index < result.columnNames.count, "column index \(index) out of range")
        return PostgresValue(result: result, row: row, column: Int32(index))
    }
}
