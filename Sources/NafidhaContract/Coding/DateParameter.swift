import Foundation

/// The one strict reading, and the one range, of every date a client passes as a parameter: reports' and exports'
/// `from` and `to`, Open311's `start_date`, `end_date`, `updated_after` and `updated_before` (docs/api.md,
/// "Dates"). A date is `YYYY-MM-DD` (midnight UTC) or an RFC 3339 instant with a zone; it must fall within
/// [`earliest`, `latest`]. Checking here, before any SQL, is what keeps a year 1 or 9999 from reaching PostgreSQL,
/// whose date arithmetic then overflows (SQLSTATE 22008) into a 500.
public enum DateParameter {
    /// The earliest date accepted, 2000-01-01T00:00:00Z: older than any request the system can hold.
    public static let earliest = Date(timeIntervalSince1970: 946_684_800)
    /// The latest date accepted, 2100-01-01T00:00:00Z: far beyond any deadline.
    public static let latest = Date(timeIntervalSince1970: 4_102_444_800)
    /// `earliest` as written in messages and docs.
    public static let earliestText = "2000-01-01"
    /// `latest` as written in messages and docs.
    public static let latestText = "2100-01-01"

    /// What a parameter's text reads as.
    public enum Reading: Sendable, Equatable {
        /// A date within the range.
        case date(Date)
        /// Not a date nor an RFC 3339 instant with a zone.
        case malformed
        /// A real date outside [`earliest`, `latest`].
        case outOfRange
    }

    /// `text` read strictly, then checked against the range.
    public static func read(_ text: String) -> Reading {
        guard let date = parse(text) else { return .malformed }
        return contains(date) ? .date(date) : .outOfRange
    }

    /// The instant `text` names: a date (`2026-03-01`, midnight UTC) or an RFC 3339 instant with a zone and an
    /// optional fraction (`2026-03-01T08:15:00.5+02:00`); nil for anything else. No range check.
    public static func parse(_ text: String) -> Date? {
        guard text.utf8.count == 10 else { return ISOInstant.date(from: text) }
        return ISOInstant.date(from: text + "T00:00:00Z")
    }

    /// Whether `date` lies within [`earliest`, `latest`].
    public static func contains(_ date: Date) -> Bool {
        earliest <= date && date <= latest
    }
}
