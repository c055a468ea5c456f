import Foundation

/// Deadlines and elapsed working time. The rule (docs/state-machine.md, "Deadlines"):
///
/// - Working time is the time that falls on local working days; each working day weighs 1 whatever its length.
/// - Counting starts at the first instant of the first working day strictly after the local date of submission
///   (the submission day itself never counts, whether or not it is a working day).
/// - A request or task due in N working days is due at the instant its counted working time reaches N: without
///   pauses that is local midnight at the end of the Nth working day, i.e. the first instant of the next day.
///   It is overdue from that instant on (`now >= due`).
/// - Paused intervals (awaiting the citizen) do not count: the deadline moves later by exactly the working time
///   paused, so a pause that covers a whole working day adds one working day, and three paused hours on a working
///   day add three hours. Pauses on weekends and holidays change nothing.
extension WorkingCalendar {
    /// The instant a request or task submitted at `start` is due, given `workingDays` and the closed pauses.
    /// - Parameters:
    ///   - workingDays: the SLA, 1...`maximumWorkingDays`.
    ///   - start: the submission (or task opening) instant.
    ///   - pauses: intervals during which the clock stood still; they may overlap, come in any order, and lie
    ///     partly outside counted time. A pause still running has no end yet: pass the current time as its end
    ///     to get the deadline "if it resumed now".
    /// - Throws: `WorkingCalendarError` for an out-of-range SLA or when no deadline lies within `maximumSearchDays`.
    public func dueDate(workingDays: Int, from start: Date, pauses: [Range<Date>] = []) throws -> Date {
        guard (1...Self.maximumWorkingDays).contains(workingDays) else {
            throw WorkingCalendarError.invalidWorkingDays(workingDays)
        }
        let merged = Self.merge(pauses)
        var remaining = Double(workingDays)
        var day = try nextWorkingDay(after: localDate(of: start))
        for _ in 0..<Self.maximumSearchDays {
            if isWorkingDay(day) {
                let dayStart = firstInstant(of: day)
                let dayEnd = firstInstant(of: day.adding(days: 1))
                let length = dayEnd.timeIntervalSince(dayStart)
                for free in Self.subtract(merged, from: dayStart..<dayEnd) {
                    let share = free.upperBound.timeIntervalSince(free.lowerBound) / length
                    if remaining <= share + Self.tolerance {
                        if abs(remaining - share) <= Self.tolerance { return free.upperBound }
                        return Self.roundedToMicroseconds(free.lowerBound.addingTimeInterval(remaining * length))
                    }
                    remaining -= share
                }
            }
            day = day.adding(days: 1)
        }
        throw WorkingCalendarError.searchLimitReached(Self.maximumSearchDays)
    }

    /// Working days, with fractions, between two instants, paused time excluded; zero when `end <= start`.
    /// Unlike a deadline, this measures from `start` itself: the submission day's remaining working time counts.
    public func workingDaysElapsed(from start: Date, to end: Date, pauses: [Range<Date>] = []) -> Double {
        guard start < end else { return 0 }
        let merged = Self.merge(pauses)
        var total = 0.0
        var day = localDate(of: start)
        let lastDay = localDate(of: end)
        while day <= lastDay {
            if isWorkingDay(day) {
                let dayStart = firstInstant(of: day)
                let dayEnd = firstInstant(of: day.adding(days: 1))
                let length = dayEnd.timeIntervalSince(dayStart)
                let window = max(dayStart, start)..<min(dayEnd, end)
                if !window.isEmpty {
                    for free in Self.subtract(merged, from: window) {
                        total += free.upperBound.timeIntervalSince(free.lowerBound) / length
                    }
                }
            }
            day = day.adding(days: 1)
        }
        return total
    }

    /// Below this many days (under a tenth of a millisecond) two amounts of working time are the same.
    private static let tolerance = 1e-9

    /// Sorted, non-overlapping, non-empty intervals covering the same instants.
    private static func merge(_ pauses: [Range<Date>]) -> [Range<Date>] {
        var merged: [Range<Date>] = []
        for pause in pauses.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, pause.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, pause.upperBound)
            } else {
                merged.append(pause)
            }
        }
        return merged
    }

    /// The parts of `window` that no merged pause covers, in order.
    private static func subtract(_ merged: [Range<Date>], from window: Range<Date>) -> [Range<Date>] {
        var free: [Range<Date>] = []
        var cursor = window.lowerBound
        for pause in merged where pause.upperBound > window.lowerBound && pause.lowerBound < window.upperBound {
            if pause.lowerBound > cursor { free.append(cursor..<pause.lowerBound) }
            cursor = max(cursor, pause.upperBound)
        }
        if cursor < window.upperBound { free.append(cursor..<window.upperBound) }
        return free
    }

    /// PostgreSQL keeps microseconds: a computed deadline is rounded to one so it survives a round trip.
    private static func roundedToMicroseconds(_ instant: Date) -> Date {
        Date(timeIntervalSince1970: (instant.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
    }
}
