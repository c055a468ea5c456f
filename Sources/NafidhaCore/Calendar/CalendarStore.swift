import Postgres

/// Loads a municipality's working calendar (its country's zone, weekend and public holidays) from the catalog.
public enum CalendarStore {
    /// The working calendar that governs deadlines in `municipality`, or nil when there is no such municipality.
    public static func calendar(forMunicipality municipality: String, on connection: PostgresConnection) throws
        -> WorkingCalendar?
    {
        let countries = try connection.queryPrepared(
            """
            SELECT c.code, c.time_zone, c.weekend_days::int[]::text AS weekend
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
        let weekendText: String = try country.decode("weekend")
        let weekend = weekendText.trimmingCharacters(in: ["{", "}"]).split(separator: ",").compactMap { Int($0) }
        return try WorkingCalendar(
            timeZoneIdentifier: try country.decode("time_zone"), weekendDays: Set(weekend), holidays: holidays
        )
    }
}
