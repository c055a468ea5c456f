import Foundation

/// The working days of one country seen from one time zone: weekend weekdays and public holidays.
///
/// Days are local days in `timeZone`; an instant belongs to the local day that contains it. Deadlines and elapsed
/// working time are in `WorkingCalendar+Deadlines.swift`; docs/state-machine.md states the rule.
public struct WorkingCalendar: Sendable {
    /// The largest SLA, in working days, a deadline may be asked for (ten years is far beyond any legal delay).
    public static let maximumWorkingDays = 3650
    /// How many calendar days a deadline search walks before giving up, so a calendar whose holidays or pauses
    /// cover every day cannot loop forever. Default 20 years.
    public static let maximumSearchDays = 7305

    /// The zone whose local days are counted (the municipality's country's zone).
    public let timeZone: TimeZone
    /// Weekend days as ISO weekday numbers (1 is Monday, 7 is Sunday).
    public let weekendDays: Set<Int>
    /// Public holidays, as local dates.
    public let holidays: Set<LocalDate>

    /// A calendar for an IANA time zone identifier, e.g. `Africa/Tripoli`.
    /// - Throws: `WorkingCalendarError` for an unknown zone, a weekday outside 1...7, or no working weekday left.
    public init(timeZoneIdentifier: String, weekendDays: Set<Int>, holidays: some Sequence<LocalDate>) throws {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw WorkingCalendarError.unknownTimeZone(timeZoneIdentifier)
        }
        if let wrong = weekendDays.first(where: { !(1...7).contains($0) }) {
            throw WorkingCalendarError.invalidWeekday(wrong)
        }
        guard weekendDays.count < 7 else { throw WorkingCalendarError.noWorkingWeekday }
        self.timeZone = zone
        self.weekendDays = weekendDays
        self.holidays = Set(holidays)
    }

    /// True when `date` is neither a weekend day nor a public holiday.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        !weekendDays.contains(date.isoWeekday) && !holidays.contains(date)
    }

    /// The local date, in this calendar's zone, that contains `instant`.
    public func localDate(of instant: Date) -> LocalDate {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        return LocalDate(daysSinceEpoch: Int((local / 86_400).rounded(.down)))
    }

    /// The first instant of `date` in this calendar's zone (local midnight).
    public func firstInstant(of date: LocalDate) -> Date {
        // Guess with the offset at UTC midnight, then correct once with the offset at the guess: exact except on
        // a day whose midnight is skipped by a daylight-saving jump, where it gives the instant the clock jumps to.
        let utcMidnight = Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400)
        let guess = utcMidnight.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: utcMidnight)))
        return utcMidnight.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }

    /// The first working day strictly after `date`.
    /// - Throws: `WorkingCalendarError.searchLimitReached` when none lies within `maximumSearchDays`.
    public func nextWorkingDay(after date: LocalDate) throws -> LocalDate {
        for offset in 1...Self.maximumSearchDays {
            let candidate = date.adding(days: offset)
            if isWorkingDay(candidate) { return candidate }
        }
        throw WorkingCalendarError.searchLimitReached(Self.maximumSearchDays)
    }
}
