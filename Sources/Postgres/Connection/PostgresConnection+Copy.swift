import CLibPQ

extension PostgresConnection {
    /// Streams the output of `COPY ... TO STDOUT` to `chunk`, in pieces of about `Settings.copyChunkSize`
    /// bytes, so memory stays flat however many rows there are.
    ///
    /// COPY takes no parameters: `sql` must be a constant. To filter by a value, set it first with
    /// `SELECT set_config('nafidha.x', $1, true)` inside a transaction and read it with `current_setting`.
    /// If `chunk` throws, the COPY is cancelled, the connection is left idle and the error is rethrown.
    public func copyOut(_ sql: String, chunk: ([UInt8]) throws -> Void) throws {
        statementCount += 1
        guard let started = PQexecParams(handle, sql, 0, nil, nil, nil, nil, 0) else {
            throw PostgresError(result: nil, connection: handle)
        }
        guard PQresultStatus(started) == PGRES_COPY_OUT else {
            _ = try rows(from: started)
            throw PostgresError(code: .serverError, message: "copyOut needs a COPY ... TO STDOUT statement")
        }
        PQclear(started)

        let limit = max(1, settings.copyChunkSize)
        var buffer = [UInt8]()
        buffer.reserveCapacity(limit)
        while true {
            var data: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &data, 0)
            if length < 0 { break }
            if let data {
                data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    buffer.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
                }
                PQfreemem(data)
            }
            if buffer.count >= limit {
                do {
                    try chunk(buffer)
                } catch {
                    cancelRunningCommand()
                    abandonCopy()
                    throw error
                }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try finishCommand()
        if !buffer.isEmpty { try chunk(buffer) }
    }

    /// Reads the results left after a COPY ended; throws the first error among them.
    private func finishCommand() throws(PostgresError) {
        var firstError: PostgresError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, firstError == nil {
                firstError = PostgresError(result: result, connection: handle)
            }
            PQclear(result)
        }
        if let firstError { throw firstError }
        if !isHealthy { throw PostgresError(connection: handle, code: .serverError) }
    }

    /// Asks the server to cancel the command in progress (a separate connection, as libpq does it).
    func cancelRunningCommand() {
        guard let cancel = PQgetCancel(handle) else { return }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &message, Int32(message.count))
        PQfreeCancel(cancel)
    }

    /// Brings a connection stuck in a COPY state back to idle, discarding data and results.
    func abandonCopy() {
        while true {
            guard let result = PQgetResult(handle) else { return }
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_COPY_OUT {
                var data: UnsafeMutablePointer<CChar>?
                var length = PQgetCopyData(handle, &data, 0)
                while length >= 0 {
                    if let data { PQfreemem(data) }
                    data = nil
                    length = PQgetCopyData(handle, &data, 0)
                }
                // -2: libpq failed mid-COPY; the connection is unusable and asking again would loop.
                if length == -2 { return }
            } else if status == PGRES_COPY_IN {
                _ = PQputCopyEnd(handle, "abandoned by the client")
            } else if status == PGRES_COPY_BOTH || !isHealthy {
                return
            }
        }
    }
}
