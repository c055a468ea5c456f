extension PostgresPool {
    /// Runs `body` in a transaction on a pooled connection; on a serialization failure or a deadlock the whole
    /// transaction, `body` included, runs again per `retry`. Blocks: call it from threads we own.
    ///
    /// `body` may therefore run more than once: keep side effects outside the database out of it.
    @discardableResult
    public func withTransaction<T>(
        isolation: IsolationLevel = .readCommitted,
        retryingOn retry: TransactionRetry = .conflicts,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        try retry.run {
            try withConnection { try $0.withTransaction(isolation: isolation, body) }
        }
    }
}
