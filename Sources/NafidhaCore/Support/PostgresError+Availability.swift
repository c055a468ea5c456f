import Postgres

extension PostgresError {
    /// True when the failure means the database cannot be reached right now (no connection in time, pool
    /// saturated or closed, connection lost): worth retrying, and not a bug, so clients get 503 rather than 500.
    public var meansDatabaseUnavailable: Bool {
        isConnectionLost || [.poolTimeout, .poolBusy, .poolClosed, .connectionFailed].contains(code)
    }
}
