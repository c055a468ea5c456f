import Foundation
import NafidhaContract
import Postgres

/// Computes the auditors' reports from `requests`, `tasks`, `task_pauses` and `audit_events`.
///
/// Read-only: every report runs in one REPEATABLE READ transaction, so its tables agree with each other.
/// Synchronous, like every service: call it from threads we own.
public enum ReportService {
    /// Computes report `name` for `query` on `connection` (outside any transaction).
    public static func make(_ name: Reports.Name, _ query: ReportQuery, on connection: PostgresConnection) throws
        -> Report
    {
        try NafidhaError.requireDateInRange(query.from, name: "from")
        try NafidhaError.requireDateInRange(query.to, name: "to")
        guard query.from < query.to else {
            throw NafidhaError(.invalidRange)
        }
        return try connection.withTransaction(isolation: .repeatableRead) { connection in
            try connection.execute("SET TRANSACTION READ ONLY")
            let calendars = CalendarCache(connection: connection)
            switch name {
            case .sla: return try sla(query, on: connection, calendars: calendars)
            case .backlog: return try backlog(query, on: connection, calendars: calendars)
            case .throughput: return try throughput(query, on: connection)
            case .misroutes: return try misroutes(query, on: connection)
            case .appeals: return try appeals(query, on: connection)
            case .satisfaction: return try satisfaction(query, on: connection)
            case .payments: return try payments(query, on: connection)
            case .reconciliation: return try reconciliation(query, on: connection)
            }
        }
    }

    /// Pauses as ranges; a pause still open runs until `now`.
    static func pauses(_ rows: PostgresRows, key: String, now: Date) throws -> [Int64: [Range<Date>]] {
        var result: [Int64: [Range<Date>]] = [:]
        for row in rows {
            let start: Date = try row.decode("started_at")
            let end = (try row.decode("ended_at", as: Date?.self)) ?? now
            if start < end { result[try row.decode(key, as: Int64.self), default: []].append(start..<end) }
        }
        return result
    }
}

/// Loads each municipality's working calendar once per report.
final class CalendarCache {
    private let connection: PostgresConnection
    private var calendars: [String: WorkingCalendar] = [:]

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    func calendar(for municipality: String) throws -> WorkingCalendar {
        if let known = calendars[municipality] { return known }
        guard let calendar = try CalendarStore.calendar(forMunicipality: municipality, on: connection) else {
            throw NafidhaError(.municipalityNotFound)
        }
        calendars[municipality] = calendar
        return calendar
    }
}
