import Foundation
import Postgres

/// The SLA sweep's `task.deadline_approaching` events: open and claimed tasks due within two working days of their
/// municipality's calendar, each deadline announced once (a task whose deadline moves, after a pause, is announced
/// again for the new one). The events and their messages (the assignee of a claimed task, the supervisors of an
/// open one's municipality, the matching webhooks) are written in one statement, like the engine's.
struct DeadlineNotices {
    /// Working days ahead that count as approaching (2).
    static let workingDays = 2

    let pool: PostgresPool

    /// Announces up to `limit` approaching deadlines as of `now`; returns how many.
    func announce(at now: Date, limit: Int) throws -> Int {
        try pool.withConnection { connection in
            let (municipalities, thresholds) = try Self.thresholds(at: now, on: connection)
            guard !municipalities.isEmpty else { return 0 }
            return try connection.queryPrepared(
                """
                WITH threshold AS (
                    SELECT * FROM unnest($1::text[], $2::text[]::timestamptz[]) AS h (municipality_code, until)
                ), due AS (
                    SELECT t.id, t.request_id, t.municipality_code, t.sector_code, t.office_code, t.stage_no,
                           t.step_no, t.due_at
                      FROM tasks t JOIN threshold h ON h.municipality_code = t.municipality_code
                     WHERE t.status IN ('open', 'claimed') AND t.due_at > $3::timestamptz AND t.due_at <= h.until
                       AND NOT EXISTS (
                               SELECT 1 FROM notification_events e
                                WHERE e.type = 'task.deadline_approaching' AND e.task_id = t.id AND e.due_at = t.due_at)
                     ORDER BY t.due_at, t.id
                     LIMIT $4
                ), event AS (
                    INSERT INTO notification_events (type, request_id, task_id, municipality_code, sectors,
                                                     occurred_at, due_at, data)
                    SELECT 'task.deadline_approaching', d.request_id, d.id, d.municipality_code, ARRAY[d.sector_code],
                           $3::timestamptz, d.due_at,
                           jsonb_build_object(
                               'tracking_number', r.tracking_number, 'municipality', r.municipality_code,
                               'service', r.service_code, 'status', r.status,
                               'task', jsonb_build_object(
                                   'id', d.id, 'stage', d.stage_no, 'step', d.step_no, 'sector', d.sector_code,
                                   'office', d.office_code,
                                   'due_at', to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
                      FROM due d JOIN requests r ON r.id = d.request_id
                     ORDER BY d.due_at, d.id
                    ON CONFLICT DO NOTHING
                    RETURNING id, type, request_id, task_id, municipality_code, sectors
                )
                \(NotificationOutbox.fanOut(retryWindowParameter: "$5"))
                SELECT count(*) AS announced FROM event
                """,
                [municipalities, thresholds, now, limit, NotificationOutbox.retryWindow]
            )[0].decode("announced", as: Int.self)
        }
    }

    /// Per municipality, the end of its second working day after `now`'s local date: the municipalities and their
    /// thresholds as ISO 8601 texts. A municipality whose calendar cannot be built is left out.
    private static func thresholds(at now: Date, on connection: PostgresConnection) throws -> ([String], [String]) {
        let calendars = try CalendarStore.calendars(on: connection)
        let formatter = ISO8601DateFormatter()
        var municipalities: [String] = []
        var thresholds: [String] = []
        for row in try connection.queryPrepared("SELECT code, country_code FROM municipalities ORDER BY code") {
            guard case .success(let calendar)? = calendars[try row.decode("country_code", as: String.self)],
                let until = try? calendar.dueDate(workingDays: workingDays, from: now)
            else { continue }
            municipalities.append(try row.decode("code"))
            thresholds.append(formatter.string(from: until))
        }
        return (municipalities, thresholds)
    }
}
