import ArgumentParsing
import Foundation
import NafidhaCore

/// What the notification operator commands share: the services on the chosen database, service errors as one
/// `Error:` line in English, instants as the tables show them.
enum NotificationAdmin {
    /// Runs `body` with the services over a small pool on the chosen database.
    static func withServices<T>(
        _ database: DatabaseOptions, context: CommandContext, _ body: (NafidhaServices) throws -> T
    ) throws -> T {
        try AdminDatabase.withPool(database, context: context) { pool in
            do {
                return try body(NafidhaServices(pool: pool))
            } catch let error as NafidhaError {
                throw CommandFailure(error.message.en)
            }
        }
    }

    /// `2026-06-01 07:00:12` in UTC, or `-`.
    static func instant(_ date: Date?) -> String {
        guard let date else { return "-" }
        return String(ISO8601DateFormatter().string(from: date).prefix(19)).replacingOccurrences(of: "T", with: " ")
    }
}
