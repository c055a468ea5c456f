import NafidhaContract
import Postgres

extension NotificationEventType {
    /// The `type` column of `row`; a value outside the enum means the database and the code disagree.
    static func decoded(from row: PostgresRow) throws -> NotificationEventType {
        guard let type = NotificationEventType(rawValue: try row.decode("type")) else {
            throw NafidhaError(.storedDataInvalid)
        }
        return type
    }
}
