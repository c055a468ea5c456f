extension PostgresPool {
    /// Lends a connection to `body`, run on one of the pool's own threads, never on a cooperative thread.
    ///
    /// The `acquireTimeout` counts from this call, including time queued for a pool thread.
    @discardableResult
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws
        -> T
    {
        let deadline = ContinuousClock.now + configuration.acquireTimeout
        return try await withCheckedThrowingContinuation { continuation in
            do {
                try executor.submit {
                    continuation.resume(with: Result { try self.withConnection(deadline: deadline, body) })
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// Runs `body` in a transaction on one of the pool's threads, retrying per `retry` (see the blocking variant).
    @discardableResult
    public func withTransaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted,
        retryingOn retry: TransactionRetry = .conflicts,
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        let deadline = ContinuousClock.now + configuration.acquireTimeout
        return try await withCheckedThrowingContinuation { continuation in
            do {
                try executor.submit {
                    continuation.resume(
                        with: Result {
                            var firstAttempt = true
                            return try retry.run {
                                // Only the first attempt is bound to the caller's deadline; retries get a fresh one.
                                let attemptDeadline = firstAttempt ? deadline : .now + self.configuration.acquireTimeout
                                firstAttempt = false
                                return try self.withConnection(deadline: attemptDeadline) {
                                    try $0.withTransaction(isolation: isolation, body)
                                }
                            }
                        })
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}
