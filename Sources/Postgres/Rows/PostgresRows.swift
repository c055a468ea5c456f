/// The rows a query returned, held in libpq's result until the last reference goes away.
public struct PostgresRows: RandomAccessCollection, Sendable {
    let result: ResultHandle

    /// The number of rows.
    public var count: Int { result.rowCount }

    /// The column names, in result order.
    public var columnNames: [String] { result.columnNames }

    /// The rows affected, from the command tag (for `INSERT`, `UPDATE`, `DELETE` ... `RETURNING`).
    public var affectedRows: Int { result.affectedRows }

    /// The first row's index, always 0.
    public var startIndex: Int { 0 }

    /// One past the last row's index.
    public var endIndex: Int { result.rowCount }

    /// The row at `position`.
    public subscript(position: Int) -> PostgresRow {
        precondition(position >= 0 && position < result.rowCount, "row index \(position) out of range")
        return PostgresRow(result: result, row: Int32(position))
    }
}
