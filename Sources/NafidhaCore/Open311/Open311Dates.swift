import Foundation

/// ISO 8601 dates as Open311 exchanges them: always with a time zone.
public enum Open311Dates {
    /// `2026-12-01T10:00:00Z` (UTC, whole seconds).
    public static func format(_ date: Date) -> String {
        formatter(fractional: false).string(from: date)
    }

    /// Reads `2026-12-01T10:00:00+02:00`, with or without fractional seconds; a date with no time zone is refused,
    /// since its instant is ambiguous. A bare `2026-12-01` reads as midnight UTC.
    public static func parse(_ text: String) -> Date? {
        if text.utf8.count == 10, let day = formatter(fractional: false).date(from: text + "T00:00:00Z") {
            return day
        }
        return formatter(fractional: false).date(from: text) ?? formatter(fractional: true).date(from: text)
    }

    // ISO8601DateFormatter is not Sendable; a fresh one per call keeps this free of shared state.
    private static func formatter(fractional: Bool) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions =
            fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter
    }
}
