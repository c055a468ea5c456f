/// An error from PostgreSQL, from libpq, from decoding a row or from the connection pool.
///
/// Server errors carry the SQLSTATE and the server's fields; `code` says which part of the stack failed.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// Which part of the stack failed; stable, safe to match on.
    public var code: Code
    /// The five-character SQLSTATE when the server reported one (for example `23505`).
    public var sqlState: String?
    /// The primary message, from the server or from libpq.
    public var message: String
    /// The server's detail field, if any.
    public var detail: String?
    /// The server's hint field, if any.
    public var hint: String?
    /// The constraint the server names, if any (unique, foreign key and check violations).
    public var constraint: String?
    /// The table the server names, if any.
    public var table: String?
    /// The result column a decoding error is about.
    public var column: String?
    /// True when the connection was unusable once the error happened (libpq reported `CONNECTION_BAD`).
    var connectionWasBad: Bool

    /// Makes an error; `sqlState` and the server fields stay empty unless set afterwards.
    public init(code: Code, message: String, sqlState: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.connectionWasBad = false
    }

    /// True for SQLSTATE 23505 (unique_violation).
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// True for SQLSTATE 40001 (serialization_failure): the transaction may be retried.
    public var isSerializationFailure: Bool { sqlState == "40001" }

    /// True for SQLSTATE 40P01 (deadlock_detected): the transaction may be retried.
    public var isDeadlock: Bool { sqlState == "40P01" }

    /// True when the connection cannot be used any more and must be discarded (and a new one opened).
    ///
    /// That is: connecting failed, libpq lost the socket, SQLSTATE class 08 (connection exception),
    /// or the server is shutting down or killed this backend (57P01, 57P02, 57P03).
    public var isConnectionLost: Bool {
        if connectionWasBad || code == .connectionFailed { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// One line: the code, the SQLSTATE, the message, then detail and constraint when present.
    public var description: String {
        var text = "PostgresError(\(code)"
        if let sqlState { text += ", SQLSTATE \(sqlState)" }
        text += "): \(message)"
        if let detail { text += " (detail: \(detail))" }
        if let constraint { text += " (constraint: \(constraint))" }
        if let column, code == .decodingFailed || code == .missingColumn { text += " (column: \(column))" }
        return text
    }
}

extension PostgresError {
    /// Which part of the stack failed. New codes may be added; match with `==`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name, in snake case.
        public let rawValue: String

        /// Makes a code from its stable name.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// The stable name.
        public var description: String { rawValue }

        /// The conninfo was malformed, or the server could not be reached or refused the connection.
        public static let connectionFailed = Code("connection_failed")
        /// The server rejected a statement (see `sqlState`), or libpq failed while running it.
        public static let serverError = Code("server_error")
        /// A column's value did not decode as the requested Swift type (or was NULL for a non-optional).
        public static let decodingFailed = Code("decoding_failed")
        /// The result has no column of that name, or the index is out of range.
        public static let missingColumn = Code("missing_column")
        /// A transaction was rolled back by the server (a statement in it failed and the error was swallowed).
        public static let transactionAborted = Code("transaction_aborted")
        /// No pooled connection became free within the pool's acquire timeout.
        public static let poolTimeout = Code("pool_timeout")
        /// The pool already had its maximum number of waiters; the call was refused at once.
        public static let poolBusy = Code("pool_busy")
        /// The pool was closed.
        public static let poolClosed = Code("pool_closed")
    }
}
