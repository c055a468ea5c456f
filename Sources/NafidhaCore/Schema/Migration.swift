/// One numbered file of `migrations/`: the SQL that moves the schema from `version - 1` to `version`.
public struct Migration: Sendable, Equatable {
    /// The number in the file name (`0002_requests.sql` is version 2); versions start at 1 and have no gaps.
    public let version: Int
    /// The rest of the file name, without the extension (`requests`).
    public let name: String
    /// The file's exact text, run as one trusted multi-statement script inside the migration's transaction.
    public let sql: String

    /// Describes a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The file name in `migrations/` (`0001_foundation.sql`).
    public var fileName: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_\(name).sql"
    }
}
