/// Why a working calendar could not be built or could not answer.
public struct WorkingCalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Reason: Equatable, Sendable {
        case unknownTimeZone(String)
        case invalidWeekday(Int)
        case noWorkingWeekday
        case invalidWorkingDays(Int)
        case searchLimitReached(Int)
    }

    private let reason: Reason

    private init(_ reason: Reason) { self.reason = reason }

    /// The time zone identifier is not in the IANA database this process knows.
    public static func unknownTimeZone(_ identifier: String) -> Self { Self(.unknownTimeZone(identifier)) }
    /// A weekend day is not an ISO weekday number (1...7).
    public static func invalidWeekday(_ weekday: Int) -> Self { Self(.invalidWeekday(weekday)) }
    /// Every weekday is a weekend day, so no deadline could ever fall.
    public static let noWorkingWeekday = Self(.noWorkingWeekday)
    /// A number of working days outside what deadlines allow.
    public static func invalidWorkingDays(_ days: Int) -> Self { Self(.invalidWorkingDays(days)) }
    /// No deadline within `WorkingCalendar.maximumSearchDays` calendar days (holidays or pauses cover them all).
    public static func searchLimitReached(_ days: Int) -> Self { Self(.searchLimitReached(days)) }

    /// A stable machine-readable code.
    public var code: String {
        switch reason {
        case .unknownTimeZone: "unknown_time_zone"
        case .invalidWeekday: "invalid_weekday"
        case .noWorkingWeekday: "no_working_weekday"
        case .invalidWorkingDays: "invalid_working_days"
        case .searchLimitReached: "search_limit_reached"
        }
    }

    /// A sentence for logs and operators.
    public var description: String {
        switch reason {
        case .unknownTimeZone(let identifier): "unknown time zone '\(identifier)'"
        case .invalidWeekday(let weekday): "weekend day \(weekday) is not an ISO weekday (1 = Monday ... 7 = Sunday)"
        case .noWorkingWeekday: "every weekday is a weekend day"
        case .invalidWorkingDays(let days):
            "\(days) working days is outside 1...\(WorkingCalendar.maximumWorkingDays)"
        case .searchLimitReached(let days): "no deadline within \(days) calendar days"
        }
    }
}
