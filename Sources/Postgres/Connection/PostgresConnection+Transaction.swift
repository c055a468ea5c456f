import CLibPQ

extension PostgresConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws (and rethrows).
    ///
    /// Inside an open transaction it nests with a savepoint instead (`isolation` then has no effect).
    /// If a statement failed inside `body` and the error was swallowed, the commit is refused by the server
    /// and this throws `transactionAborted`.
    @discardableResult
    public func withTransaction<T>(
        isolation: IsolationLevel = .readCommitted, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        if transactionStatus != PQTRANS_IDLE {
            return try withSavepoint(body)
        }
        try execute(isolation.beginStatement)
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackQuietly("ROLLBACK")
            throw error
        }
        let commit = try query("COMMIT")
        // COMMIT of a transaction in the failed state answers with the ROLLBACK tag, not with an error.
        if commit.result.commandTag == "ROLLBACK" {
            throw PostgresError(
                code: .transactionAborted,
                message: "the transaction was rolled back because a statement in it failed"
            )
        }
        return value
    }

    /// Like `withTransaction(isolation:_:)`, running the whole transaction again after a serialization failure or
    /// a deadlock, per `retry`. `body` may run more than once.
    ///
    /// Inside an enclosing transaction it does not retry: a conflict aborts the enclosing transaction too, so only
    /// the outermost level can usefully run again.
    @discardableResult
    public func withTransaction<T>(
        isolation: IsolationLevel = .readCommitted,
        retryingOn retry: TransactionRetry,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        let policy = transactionStatus == PQTRANS_IDLE ? retry : .never
        return try policy.run { try withTransaction(isolation: isolation, body) }
    }

    private func withSavepoint<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        if transactionStatus == PQTRANS_INERROR {
            throw PostgresError(
                code: .transactionAborted,
                message: "cannot start a nested transaction: the enclosing transaction has already failed"
            )
        }
        // The name is a constant; nesting reuses it, which PostgreSQL allows (the newest one wins).
        try execute("SAVEPOINT nafidha_nested")
        let value: T
        do {
            value = try body(self)
        } catch {
            // Released after rolling back, so an enclosing level's savepoint is again the newest of the name.
            rollbackQuietly("ROLLBACK TO SAVEPOINT nafidha_nested")
            rollbackQuietly("RELEASE SAVEPOINT nafidha_nested")
            throw error
        }
        try execute("RELEASE SAVEPOINT nafidha_nested")
        return value
    }

    /// Rolls back while an error is already being thrown; a failure here (a lost connection) must not hide it.
    private func rollbackQuietly(_ statement: String) {
        guard isHealthy else { return }
        _ = try? execute(statement)
    }
}
