import CLibPQ
import Glibc

/// One PostgreSQL connection; owns its libpq `PGconn` and closes it when released.
///
/// Not `Sendable`: use it from one thread at a time. Every call blocks the calling thread until the server
/// answers, so call it only from threads we own (the pool's threads), never from Swift concurrency's.
public final class PostgresConnection {
    let handle: OpaquePointer
    let settings: Settings
    var preparedStatements: PreparedStatementCache

    /// Statements this connection has sent to run (`query`, `execute`, their prepared forms, scripts, COPY): what
    /// `pg_stat_statements` counts, for tests that hold a code path to a number of round trips. Preparing a
    /// statement the first time a connection runs it is not counted, as the server does not count it either.
    public internal(set) var statementCount = 0

    /// Connects with the default settings; `conninfo` is a URL (`postgresql://...`) or `key=value` pairs.
    public convenience init(conninfo: String) throws(PostgresError) {
        try self.init(conninfo: conninfo, settings: Settings())
    }

    /// Connects with `settings`; `conninfo` is a URL (`postgresql://...`) or `key=value` pairs.
    ///
    /// The session always gets `client_encoding=UTF8`, `TimeZone=UTC` and `DateStyle=ISO`, so values decode
    /// the same way everywhere; `options` from `conninfo` are kept and come after ours.
    public init(conninfo: String, settings: Settings) throws(PostgresError) {
        var info = try PostgresConnectionInfo(conninfo)
        if info["connect_timeout"] == nil {
            // libpq counts whole seconds and treats 1 as 2; round up so a short setting never means "none".
            info["connect_timeout"] = String(max(2, settings.connectTimeout.roundedUpSeconds))
        }
        info["client_encoding"] = "UTF8"
        var sessionOptions = "-c TimeZone=UTC -c DateStyle=ISO"
        if let statementTimeout = settings.statementTimeout {
            sessionOptions += " -c statement_timeout=\(statementTimeout.roundedUpMilliseconds)"
        }
        info["options"] = [sessionOptions, info["options"]].compactMap { $0 }.joined(separator: " ")

        let pointer = Self.connect(info)
        guard PQstatus(pointer) == CONNECTION_OK else {
            let error = PostgresError(connection: pointer, code: .connectionFailed)
            // libpq returns a handle even when connecting failed; it must be freed all the same.
            PQfinish(pointer)
            throw error
        }
        handle = pointer
        self.settings = settings
        preparedStatements = PreparedStatementCache(capacity: settings.preparedStatementCacheSize)
    }

    deinit { PQfinish(handle) }

    /// True while libpq considers the connection usable (`PQstatus` is `CONNECTION_OK`).
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs one parameterised statement (`$1`, `$2`, ...) and returns its rows; nil parameters are SQL NULL.
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws(PostgresError)
        -> PostgresRows
    {
        statementCount += 1
        let result = Self.withParameters(parameters) { types, values in
            PQexecParams(handle, sql, Int32(values.count), types, values, nil, nil, 0)
        }
        return try rows(from: result)
    }

    /// Runs one parameterised statement and returns the number of rows it affected.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws(PostgresError) -> Int {
        try query(sql, parameters).affectedRows
    }

    /// Runs a multi-statement script (a migration file shipped inside the binary) with the simple query protocol.
    ///
    /// This is the only place that uses `PQexec`: it takes no parameters, so the script must be a constant of
    /// the program. It must never see input from a request, a file chosen by a user or the database.
    public func runTrustedScript(_ sql: String) throws(PostgresError) {
        statementCount += 1
        _ = try rows(from: PQexec(handle, sql))
    }

    /// Checks a result: rows for success, the server's error otherwise. Takes ownership of `result`.
    func rows(from result: OpaquePointer?) throws(PostgresError) -> PostgresRows {
        guard let result else { throw PostgresError(result: nil, connection: handle) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return PostgresRows(result: ResultHandle(result))
        case PGRES_COPY_OUT, PGRES_COPY_IN, PGRES_COPY_BOTH:
            PQclear(result)
            abandonCopy()
            throw PostgresError(code: .serverError, message: "COPY cannot run through query(); use copyOut(_:chunk:)")
        default:
            let error = PostgresError(result: result, connection: handle)
            PQclear(result)
            throw error
        }
    }

    /// True when the server sent something while the connection was idle: an idle session gets nothing
    /// unless the backend was terminated or the server is shutting down, so the connection should be replaced.
    ///
    /// A zero-timeout `poll`, so no round trip: the pool calls it on every checkout.
    var hasPendingInput: Bool {
        let socket = PQsocket(handle)
        guard socket >= 0 else { return true }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }

    /// The server-side transaction state (`PQTRANS_IDLE` between transactions).
    var transactionStatus: PGTransactionStatusType { PQtransactionStatus(handle) }

    private static func connect(_ info: PostgresConnectionInfo) -> OpaquePointer {
        let keywords = info.parameters.map { strdup($0.keyword) } + [nil]
        let values = info.parameters.map { strdup($0.value) } + [nil]
        defer { for pointer in keywords + values { free(pointer) } }
        let keywordPointers = keywords.map { UnsafePointer($0) }
        let valuePointers = values.map { UnsafePointer($0) }
        // Only a NULL on out-of-memory; there is no sensible way on from there.
        return PQconnectdbParams(keywordPointers, valuePointers, 0)!
    }

    /// Calls `body` with the parameters' type OIDs and C strings (nil for NULL), valid only during the call.
    static func withParameters<R>(
        _ parameters: [(any PostgresEncodable)?],
        _ body: ([UInt32], [UnsafePointer<CChar>?]) -> R
    ) -> R {
        let encoded = parameters.map { $0?.postgresParameter }
        let values = encoded.map { parameter in parameter.map { strdup($0.text) } ?? nil }
        defer { for value in values { free(value) } }
        return body(encoded.map { $0?.typeOID ?? 0 }, values.map { UnsafePointer($0) })
    }
}

extension Duration {
    var roundedUpSeconds: Int64 {
        let (seconds, attoseconds) = components
        return attoseconds > 0 ? seconds + 1 : seconds
    }

    var roundedUpMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let perMillisecond: Int64 = 1_000_000_000_000_000
        return seconds * 1000 + (attoseconds + perMillisecond - 1) / perMillisecond
    }
}
