import NafidhaContract
import Postgres

extension NafidhaError {
    /// The service layer's answer for any error a service threw: the error itself when it is a `NafidhaError`,
    /// 503 `database_unavailable` when the database cannot be reached now (retrying may succeed), nil for anything
    /// else (a bug: the caller reports an internal error). The API renders errors through this, so it needs to know
    /// nothing of PostgreSQL.
    public init?(translating error: any Error) {
        if let error = error as? NafidhaError {
            self = error
        } else if let error = error as? PostgresError, error.meansDatabaseUnavailable {
            self = NafidhaError(.databaseUnavailable)
        } else {
            return nil
        }
    }
}
