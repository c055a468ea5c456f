import CLibPQ

/// A pooled connection as the pool stores and lends it.
///
/// `@unchecked Sendable`: the connection inside is not thread-safe, but the pool lends each box to exactly one
/// borrower at a time and only that borrower's thread touches the connection until it is returned.
final class PooledConnection: @unchecked Sendable {
    let connection: PostgresConnection

    init(_ connection: PostgresConnection) { self.connection = connection }

    /// True when the connection can be lent: libpq says it is fine and the server sent nothing while it sat
    /// idle (a terminated backend or a restarting server announces itself, so it is replaced before use).
    var isReusable: Bool {
        connection.isHealthy && !connection.hasPendingInput && connection.transactionStatus == PQTRANS_IDLE
    }

    /// Makes the connection fit to lend again after a borrower used it, or says it must be discarded.
    ///
    /// `error` is what the borrower's body threw, if anything; a lost connection is never reused, and a
    /// transaction the borrower left open is rolled back.
    func prepareForReuse(after error: (any Error)?) -> Bool {
        if let error = error as? PostgresError, error.isConnectionLost { return false }
        guard connection.isHealthy else { return false }
        switch connection.transactionStatus {
        case PQTRANS_IDLE:
            return true
        case PQTRANS_INTRANS, PQTRANS_INERROR:
            _ = try? connection.execute("ROLLBACK")
            return connection.isHealthy && connection.transactionStatus == PQTRANS_IDLE
        default:
            // A command still active (an abandoned COPY) or an unknown state: not worth untangling.
            return false
        }
    }
}
