import Postgres

/// Loads working calendars (a country's zone, weekend and public holidays) from the catalog: one municipality's
/// for a transition, or every country's at once for the catalog snapshot.
public enum CalendarStore {
    /// The working calendar that governs deadlines in `municipality`, or nil when there is no such municipality.
    public static func calendar(forMunicipality municipality: String, on connection: PostgresConnection) throws
        -> WorkingCalendar?
    {
        let countries = try connection.queryPrepared(
            """
            SELECT c.code, c.time_zone, c.weekend_days AS weekend
              FROM municipalities m JOIN countries c ON c.code = m.country_code
             WHERE m.code = $1
            """,
            [municipality]
        )
        guard let country = countries.first else { return nil }
        let holidays = try connection.queryPrepared(
            "SELECT holiday_date::text AS day FROM public_holidays WHERE country_code = $1",
            [try country.decode("code", as: String.self)]
        ).compactMap { LocalDate(try $0.decode("day", as: String.self)) }
        return try calendar(of: country, holidays: holidays)
    }

    /// Every country's working calendar, by country code. A calendar that cannot be built (a time zone this
    /// process does not know) is kept as its error, so it fails only the requests of that country, as
    /// `calendar(forMunicipality:on:)` would.
    static func calendars(on connection: PostgresConnection) throws
        -> [String: Result<WorkingCalendar, WorkingCalendarError>]
    {
        var holidays: [String: [LocalDate]] = [:]
        for row in try connection.query("SELECT country_code, holiday_date::text AS day FROM public_holidays") {
            if let day = LocalDate(try row.decode("day", as: String.self)) {
                holidays[try row.decode("country_code"), default: []].append(day)
            }
        }
        var calendars: [String: Result<WorkingCalendar, WorkingCalendarError>] = [:]
        for country in try connection.query(
            "SELECT code, time_zone, weekend_days AS weekend FROM countries"
        ) {
            let code: String = try country.decode("code")
            do {
                calendars[code] = .success(try calendar(of: country, holidays: holidays[code] ?? []))
            } catch let error as WorkingCalendarError {
                calendars[code] = .failure(error)
            }
        }
        return calendars
    }

    /// The calendar of a `countries` row selected with `time_zone` and `weekend` (`weekend_days`).
    private static func calendar(of country: PostgresRow, holidays: [LocalDate]) throws -> WorkingCalendar {
        try WorkingCalendar(
            timeZoneIdentifier: try country.decode("time_zone"),
            weekendDays: Set(try country.decode("weekend", as: [Int].self)), holidays: holidays
        )
    }
}
