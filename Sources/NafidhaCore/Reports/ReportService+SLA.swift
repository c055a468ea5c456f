import Foundation
import NafidhaContract
import Postgres

extension ReportService {
    /// Per municipality × sector (× service): requests completed in the range, the share on time, median and
    /// p90 processing time in working days (paused time excluded), and open tasks overdue at `now`.
    ///
    /// A request is completed when it was approved or rejected (`closed_at` in the range; cancellations are not
    /// completions); its sector is its service's sector. On time: `closed_at <= due_at`. Processing time:
    /// working days from submission to closing minus the union of its tasks' pauses. Overdue: a task `open` or
    /// `claimed` with `due_at <= now`, counted in its own (queue's) sector.
    static func sla(_ query: ReportQuery, on connection: PostgresConnection, calendars: CalendarCache) throws -> Report
    {
        let parameters: [(any PostgresEncodable)?] = [query.from, query.to, query.municipality, query.sector]
        let completed = try connection.query(
            """
            SELECT r.id, r.municipality_code, s.sector_code, r.service_code, r.submitted_at, r.closed_at,
                   (r.due_at IS NOT NULL AND r.closed_at <= r.due_at) AS on_time
              FROM requests r JOIN services s ON s.code = r.service_code
             WHERE r.status IN ('approved', 'rejected') AND r.closed_at >= $1 AND r.closed_at < $2
               AND ($3::text IS NULL OR r.municipality_code = $3) AND ($4::text IS NULL OR s.sector_code = $4)
            """, parameters
        )
        let pauseRows = try connection.query(
            """
            SELECT t.request_id, p.started_at, p.ended_at
              FROM task_pauses p JOIN tasks t ON t.id = p.task_id JOIN requests r ON r.id = t.request_id
              JOIN services s ON s.code = r.service_code
             WHERE r.status IN ('approved', 'rejected') AND r.closed_at >= $1 AND r.closed_at < $2
               AND ($3::text IS NULL OR r.municipality_code = $3) AND ($4::text IS NULL OR s.sector_code = $4)
            """, parameters
        )
        let pauses = try Self.pauses(pauseRows, key: "request_id", now: query.now)

        struct Group {
            var completed: Int64 = 0
            var onTime: Int64 = 0
            var days: [Double] = []
            var overdue: Int64 = 0
        }
        var groups: [[String]: Group] = [:]
        for row in completed {
            let municipality: String = try row.decode("municipality_code")
            var key = [municipality, try row.decode("sector_code", as: String.self)]
            if query.byService { key.append(try row.decode("service_code")) }
            let calendar = try calendars.calendar(for: municipality)
            let days = calendar.workingDaysElapsed(
                from: try row.decode("submitted_at"), to: try row.decode("closed_at"),
                pauses: pauses[try row.decode("id", as: Int64.self)] ?? []
            )
            groups[key, default: Group()].completed += 1
            groups[key, default: Group()].onTime += (try row.decode("on_time", as: Bool.self)) ? 1 : 0
            groups[key, default: Group()].days.append(days)
        }
        let overdue = try connection.query(
            """
            SELECT t.municipality_code, t.sector_code, r.service_code, count(*) AS overdue
              FROM tasks t JOIN requests r ON r.id = t.request_id
             WHERE t.status IN ('open', 'claimed') AND t.due_at <= $1
               AND ($2::text IS NULL OR t.municipality_code = $2) AND ($3::text IS NULL OR t.sector_code = $3)
             GROUP BY 1, 2, 3
            """, [query.now, query.municipality, query.sector]
        )
        for row in overdue {
            var key = [
                try row.decode("municipality_code", as: String.self), try row.decode("sector_code", as: String.self),
            ]
            if query.byService { key.append(try row.decode("service_code")) }
            groups[key, default: Group()].overdue += try row.decode("overdue", as: Int64.self)
        }

        var columns = [
            ReportColumn("municipality", ar: "البلدية", fr: "Municipalité", en: "Municipality"),
            ReportColumn("sector", ar: "القطاع", fr: "Secteur", en: "Sector"),
        ]
        if query.byService { columns.append(ReportColumn("service", ar: "الخدمة", fr: "Service", en: "Service")) }
        columns += [
            ReportColumn("completed", ar: "الطلبات المنجزة", fr: "Demandes traitées", en: "Requests completed"),
            ReportColumn("on_time_share", ar: "نسبة المنجز في الأجل", fr: "Part dans les délais", en: "On-time share"),
            ReportColumn(
                "median_working_days", ar: "الوسيط (أيام عمل)", fr: "Médiane (jours ouvrés)",
                en: "Median (working days)"),
            ReportColumn(
                "p90_working_days", ar: "المئين 90 (أيام عمل)", fr: "90e centile (jours ouvrés)",
                en: "90th percentile (working days)"),
            ReportColumn(
                "overdue_open_tasks", ar: "مهام مفتوحة متأخرة", fr: "Tâches ouvertes en retard",
                en: "Open tasks overdue"),
        ]
        let rows = groups.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { key, group -> [ReportValue] in
            let share = group.completed == 0 ? nil : Double(group.onTime) / Double(group.completed)
            return key.map { ReportValue.text($0) } + [
                .integer(group.completed), .decimal(share, places: 4),
                .decimal(ReportStatistics.percentile(group.days, 0.5), places: 2),
                .decimal(ReportStatistics.percentile(group.days, 0.9), places: 2), .integer(group.overdue),
            ]
        }
        let title = LocalizedText(ar: "الالتزام بآجال الخدمة", fr: "Respect des délais", en: "Service-level report")
        return Report(
            name: .sla, title: title, query: query,
            tables: [
                ReportTable(
                    key: "rows", title: title, columns: columns, rows: rows,
                    chart: .bars(labels: columns.prefix(query.byService ? 3 : 2).map(\.key), value: "on_time_share"))
            ])
    }
}
