import Foundation
import NafidhaCore
import Testing

/// Libya's calendar as the demo catalog has it: Tripoli time (UTC+2, no daylight saving), Friday-Saturday
/// weekend, and a few of its 2026 holidays.
private func tripoli() throws -> WorkingCalendar {
    try WorkingCalendar(
        timeZoneIdentifier: "Africa/Tripoli",
        weekendDays: [5, 6],
        holidays: ["2026-03-20", "2026-03-21", "2026-03-22", "2026-12-24"].map { try #require(LocalDate($0)) }
    )
}

/// An instant written with its offset, e.g. `2026-12-22T09:00:00+02:00`.
private func at(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return try #require(formatter.date(from: text))
}

@Suite("Working calendar and deadlines")
struct CalendarTests {
    @Test("A local date knows its ISO weekday and prints as YYYY-MM-DD")
    func localDateBasics() throws {
        let date = try #require(LocalDate("2026-12-24"))
        #expect(date.isoWeekday == 4)
        #expect(date.description == "2026-12-24")
        #expect(date.adding(days: 8).description == "2027-01-01")
        #expect(try #require(LocalDate("2028-02-29")).adding(days: 1).description == "2028-03-01")
        #expect(try #require(LocalDate("1969-12-31")).isoWeekday == 3)
    }

    @Test("A local date refuses days that do not exist and text that is not a date")
    func localDateRefusals() {
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2026-13-01") == nil)
        #expect(LocalDate("2026-1-01") == nil)
        #expect(LocalDate("2026-٠١-01") == nil)
        #expect(LocalDate("") == nil)
    }

    @Test("A submission on a working day is due at the end of the Nth following working day")
    func plainDeadline() throws {
        // Sunday morning, 1 working day: Monday counts, due at Tuesday 00:00 Tripoli time.
        let due = try tripoli().dueDate(workingDays: 1, from: at("2026-11-01T09:30:00+02:00"))
        #expect(due == (try at("2026-11-03T00:00:00+02:00")))
    }

    @Test("A submission on the weekend starts counting on the next working day")
    func submittedOnWeekend() throws {
        // Friday: Saturday is weekend too, so Sunday is day 1 and Monday day 2.
        let calendar = try tripoli()
        let fromFriday = try calendar.dueDate(workingDays: 2, from: at("2026-11-06T10:00:00+02:00"))
        #expect(fromFriday == (try at("2026-11-10T00:00:00+02:00")))
        // Thursday: same first counted day, so the same deadline.
        let fromThursday = try calendar.dueDate(workingDays: 2, from: at("2026-11-05T10:00:00+02:00"))
        #expect(fromThursday == fromFriday)
    }

    @Test("A holiday inside the period does not count")
    func acrossHoliday() throws {
        // Tuesday 22 Dec: Wed 23 is day 1, Thu 24 is Independence Day, Fri-Sat weekend, Sun 27 day 2, Mon 28 day 3.
        let due = try tripoli().dueDate(workingDays: 3, from: at("2026-12-22T11:00:00+02:00"))
        #expect(due == (try at("2026-12-29T00:00:00+02:00")))
    }

    @Test("A deadline that would land on a holiday moves to the next working day")
    func landsOnHoliday() throws {
        let calendar = try tripoli()
        // Day 2 would be Thursday 24 Dec, a holiday: the second working day is Sunday 27.
        let due = try calendar.dueDate(workingDays: 2, from: at("2026-12-22T11:00:00+02:00"))
        #expect(due == (try at("2026-12-28T00:00:00+02:00")))
        #expect(calendar.localDate(of: due.addingTimeInterval(-1)).description == "2026-12-27")
    }

    @Test("Eid spanning a weekend adds every closed day")
    func eidAndWeekend() throws {
        // Wednesday 18 March 2026: Thu 19 day 1; Fri 20 to Sun 22 Eid and weekend; Mon 23 day 2.
        let due = try tripoli().dueDate(workingDays: 2, from: at("2026-03-18T08:00:00+02:00"))
        #expect(due == (try at("2026-03-24T00:00:00+02:00")))
    }

    @Test("A UTC instant already past midnight in Tripoli counts from Tripoli's date")
    func timeZoneEdge() throws {
        let calendar = try tripoli()
        // 23:30 UTC on Wednesday 2 Dec is 01:30 on Thursday 3 Dec in Tripoli.
        let submitted = try at("2026-12-02T23:30:00Z")
        #expect(calendar.localDate(of: submitted).description == "2026-12-03")
        // Counting starts after Thursday: Sunday 6 Dec is day 1, due Monday 7 at 00:00 Tripoli (22:00 UTC Sunday).
        let due = try calendar.dueDate(workingDays: 1, from: submitted)
        #expect(due == (try at("2026-12-06T22:00:00Z")))
        // Half an hour earlier it is still Wednesday in Tripoli and Thursday is day 1.
        let earlier = try calendar.dueDate(workingDays: 1, from: at("2026-12-02T21:59:59Z"))
        #expect(earlier == (try at("2026-12-04T00:00:00+02:00")))
    }

    @Test("A pause covering a whole working day adds one working day")
    func pauseWholeDay() throws {
        let calendar = try tripoli()
        let submitted = try at("2026-11-01T09:00:00+02:00")  // Sunday; days 1-3 are Mon 2, Tue 3, Wed 4
        let unpaused = try calendar.dueDate(workingDays: 3, from: submitted)
        #expect(unpaused == (try at("2026-11-05T00:00:00+02:00")))
        let paused = try calendar.dueDate(
            workingDays: 3, from: submitted,
            pauses: [try at("2026-11-03T00:00:00+02:00")..<at("2026-11-04T00:00:00+02:00")])
        #expect(paused == (try at("2026-11-06T00:00:00+02:00")))  // end of Thursday 5
    }

    @Test("A pause of a few hours moves the deadline by those hours, skipping the weekend")
    func pauseAndResumeSameDay() throws {
        let calendar = try tripoli()
        let submitted = try at("2026-11-01T09:00:00+02:00")
        // Paused Tuesday 10:00, the citizen replied at 13:00: 3 hours. Unpaused due is Friday 00:00, after
        // Thursday 5; Friday and Saturday are the weekend, so the 3 hours are taken from Sunday 8.
        let pause = try at("2026-11-03T10:00:00+02:00")..<at("2026-11-03T13:00:00+02:00")
        let due = try calendar.dueDate(workingDays: 4, from: submitted, pauses: [pause])
        #expect(due == (try at("2026-11-08T03:00:00+02:00")))
    }

    @Test("Pauses on non-working days, before counting starts, or overlapping each other count once or not at all")
    func pauseEdges() throws {
        let calendar = try tripoli()
        let submitted = try at("2026-11-01T09:00:00+02:00")
        let unpaused = try calendar.dueDate(workingDays: 3, from: submitted)
        let weekend = try at("2026-11-06T00:00:00+02:00")..<at("2026-11-08T00:00:00+02:00")
        let submissionDay = try at("2026-11-01T10:00:00+02:00")..<at("2026-11-01T18:00:00+02:00")
        #expect(try calendar.dueDate(workingDays: 3, from: submitted, pauses: [weekend, submissionDay]) == unpaused)
        let first = try at("2026-11-02T06:00:00+02:00")..<at("2026-11-02T18:00:00+02:00")
        let second = try at("2026-11-02T12:00:00+02:00")..<at("2026-11-03T00:00:00+02:00")
        let overlapping = try calendar.dueDate(workingDays: 3, from: submitted, pauses: [second, first])
        #expect(overlapping == (try at("2026-11-05T18:00:00+02:00")))  // 18 paused hours of Monday 2
    }

    @Test("Elapsed working days count fractions, skip weekends and holidays, and exclude pauses")
    func elapsed() throws {
        let calendar = try tripoli()
        // Thursday noon to Sunday noon: half of Thursday, then weekend, then half of Sunday.
        let thursdayNoon = try at("2026-11-05T12:00:00+02:00")
        let sundayNoon = try at("2026-11-08T12:00:00+02:00")
        #expect(abs(calendar.workingDaysElapsed(from: thursdayNoon, to: sundayNoon) - 1.0) < 1e-9)
        let pause = try at("2026-11-08T00:00:00+02:00")..<at("2026-11-08T06:00:00+02:00")
        #expect(abs(calendar.workingDaysElapsed(from: thursdayNoon, to: sundayNoon, pauses: [pause]) - 0.75) < 1e-9)
        // Across Independence Day (Thursday 24 Dec) and the weekend: Wed 23 and Sun 27 only.
        let across = calendar.workingDaysElapsed(
            from: try at("2026-12-23T00:00:00+02:00"),
            to: try at("2026-12-28T00:00:00+02:00"))
        #expect(abs(across - 2.0) < 1e-9)
        #expect(calendar.workingDaysElapsed(from: sundayNoon, to: thursdayNoon) == 0)
    }

    @Test("A deadline in a daylight-saving zone still lands on local midnight")
    func daylightSaving() throws {
        let paris = try WorkingCalendar(timeZoneIdentifier: "Europe/Paris", weekendDays: [6, 7], holidays: [])
        // Friday 27 March 2026; clocks go forward on Sunday 29; Monday 30 is day 1.
        let due = try paris.dueDate(workingDays: 1, from: at("2026-03-27T15:00:00+01:00"))
        #expect(due == (try at("2026-03-31T00:00:00+02:00")))
    }

    @Test("Bad calendars and out-of-range SLAs are refused with a stable code")
    func refusals() throws {
        #expect(throws: WorkingCalendarError.unknownTimeZone("Mars/Olympus")) {
            try WorkingCalendar(timeZoneIdentifier: "Mars/Olympus", weekendDays: [5, 6], holidays: [])
        }
        #expect(throws: WorkingCalendarError.invalidWeekday(0)) {
            try WorkingCalendar(timeZoneIdentifier: "Africa/Tripoli", weekendDays: [0], holidays: [])
        }
        #expect(throws: WorkingCalendarError.noWorkingWeekday) {
            try WorkingCalendar(timeZoneIdentifier: "Africa/Tripoli", weekendDays: Set(1...7), holidays: [])
        }
        let calendar = try tripoli()
        let now = try at("2026-11-01T09:00:00+02:00")
        #expect(throws: WorkingCalendarError.invalidWorkingDays(0)) { try calendar.dueDate(workingDays: 0, from: now) }
        #expect(WorkingCalendarError.invalidWorkingDays(0).code == "invalid_working_days")
    }

    @Test("A calendar whose holidays cover every working day gives up instead of looping")
    func searchLimit() throws {
        let start = try #require(LocalDate("2026-11-01"))
        let everyDay = (0...WorkingCalendar.maximumSearchDays + 10).map { start.adding(days: $0) }
        let closed = try WorkingCalendar(timeZoneIdentifier: "Africa/Tripoli", weekendDays: [5, 6], holidays: everyDay)
        #expect(throws: WorkingCalendarError.searchLimitReached(WorkingCalendar.maximumSearchDays)) {
            try closed.dueDate(workingDays: 1, from: at("2026-11-01T09:00:00+02:00"))
        }
    }
}
