import CLibPQ

/// Owns one `PGresult` and frees it exactly once.
///
/// `@unchecked Sendable`: libpq documents a `PGresult` as read-only after creation, so reading it from
/// several threads is safe, and nothing here mutates it.
final class ResultHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The column names in order, read once because row decoding looks them up by name.
    let columnNames: [String]
    let rowCount: Int

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
        rowCount = Int(PQntuples(pointer))
        columnNames = (0..<PQnfields(pointer)).map { String(cString: PQfname(pointer, $0)) }
    }

    deinit { PQclear(pointer) }

    /// The index of the column named exactly `name` (no case folding, unlike `PQfnumber`).
    func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }

    /// The rows affected by the command, from its command tag (0 when the tag carries no count).
    var affectedRows: Int {
        Int(String(cString: PQcmdTuples(pointer))) ?? 0
    }

    /// The command tag, such as `INSERT 0 1` or `ROLLBACK`.
    var commandTag: String { String(cString: PQcmdStatus(pointer)) }
}

extension PostgresError {
    /// The error a failed result describes, with the server's fields, or libpq's message when there is none.
    init(result: OpaquePointer?, connection: OpaquePointer?, code: Code = .serverError) {
        // The PG_DIAG_* field codes are character macros, which Swift does not import.
        func field(_ code: Unicode.Scalar) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code.value)) else { return nil }
            return String(cString: value)
        }
        let primary = field("M")
        let fallback = result.flatMap { PQresultErrorMessage($0) }.map { String(cString: $0) } ?? ""
        var message = primary ?? fallback
        if message.isEmpty, let connection { message = String(cString: PQerrorMessage(connection)) }
        if message.isEmpty { message = "libpq returned no result (out of memory or connection lost)" }
        self.init(code: code, message: message.trimmingTrailingNewlines(), sqlState: field("C"))
        detail = field("D")
        hint = field("H")
        constraint = field("n")
        table = field("t")
        connectionWasBad = connection.map { PQstatus($0) != CONNECTION_OK } ?? false
    }

    /// The error libpq holds on the connection itself (connecting, sending, COPY).
    init(connection: OpaquePointer, code: Code) {
        let message = String(cString: PQerrorMessage(connection)).trimmingTrailingNewlines()
        self.init(code: code, message: message.isEmpty ? "libpq reported a failure without a message" : message)
        connectionWasBad = PQstatus(connection) != CONNECTION_OK
    }
}

extension String {
    /// libpq messages end in a newline; errors read better without it.
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while let last = text.last, last.isNewline || last == " " { text = text.dropLast() }
        return String(text)
    }
}
