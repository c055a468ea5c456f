import Foundation
import NafidhaContract

/// ISO 8601 dates as Open311 exchanges them: always with a time zone.
public enum Open311Dates {
    /// `2026-12-01T10:00:00Z` (UTC, whole seconds).
    public static func format(_ date: Date) -> String {
        // ISO8601DateFormatter is not Sendable: a fresh one per call keeps this free of shared state.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// Reads `2026-12-01T10:00:00+02:00`, with or without fractional seconds; a date with no time zone is refused,
    /// since its instant is ambiguous. A bare `2026-12-01` reads as midnight UTC. Strict, as every date parameter
    /// of the API is read (`DateParameter.parse`); the range is the filter's to check.
    public static func parse(_ text: String) -> Date? {
        DateParameter.parse(text)
    }
}
