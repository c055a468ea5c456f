import Postgres

/// An unexpected error as the server's log may describe it: what failed, never the values it failed on.
///
/// A PostgreSQL error's message and detail quote data: `invalid input syntax for type timestamp: "…"`, a check
/// violation's `Failing row contains (…)` with an applicant's name, a trigger's message naming a value. The log is
/// read by operators who must not see personal data, and a query string may carry an API key. So a `PostgresError`
/// is told by its code, SQLSTATE, constraint, table and column, its message only for the classes whose messages name
/// nothing but our own statements and the server's state (not 22 data exception, 23 integrity violation, P0 raised
/// by our functions), and never its detail or hint. Other errors keep their description.
public struct LoggedError: Error, CustomStringConvertible, Sendable {
    /// The log's words for the error.
    public let description: String

    /// Describes `error` for the log.
    public init(_ error: any Error) {
        guard let error = error as? PostgresError else {
            description = String(describing: error)
            return
        }
        var text = "PostgresError(\(error.code)"
        if let sqlState = error.sqlState { text += ", SQLSTATE \(sqlState)" }
        text += ")"
        let quotesData = ["22", "23", "P0"].contains { error.sqlState?.hasPrefix($0) == true }
        text += quotesData ? ": (message withheld: it may quote data)" : ": \(error.message)"
        if let constraint = error.constraint { text += " (constraint: \(constraint))" }
        if let table = error.table { text += " (table: \(table))" }
        if let column = error.column { text += " (column: \(column))" }
        description = text
    }
}
