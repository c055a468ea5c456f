import Foundation
import NafidhaContract
import Postgres

extension ReportService {
    /// Open tasks (`open`, `claimed`, `awaiting_citizen`) per queue (municipality, sector, office) at `now`, by
    /// age: working days since the task opened, its paused time excluded, in whole days completed (0–2, 3–5,
    /// 6–10, over 10), and how many clerks could claim them (`claimants`, 0: nobody watches the queue).
    /// The range does not apply: a backlog is a picture of now.
    static func backlog(_ query: ReportQuery, on connection: PostgresConnection, calendars: CalendarCache) throws
        -> Report
    {
        let filters: [(any PostgresEncodable)?] = [query.municipality, query.sector]
        let tasks = try connection.query(
            """
            SELECT id, municipality_code, sector_code, office_code, opened_at FROM tasks
             WHERE status IN ('open', 'claimed', 'awaiting_citizen')
               AND ($1::text IS NULL OR municipality_code = $1) AND ($2::text IS NULL OR sector_code = $2)
            """, filters
        )
        let pauseRows = try connection.query(
            """
            SELECT p.task_id, p.started_at, p.ended_at FROM task_pauses p JOIN tasks t ON t.id = p.task_id
             WHERE t.status IN ('open', 'claimed', 'awaiting_citizen')
               AND ($1::text IS NULL OR t.municipality_code = $1) AND ($2::text IS NULL OR t.sector_code = $2)
            """, filters
        )
        let pauses = try Self.pauses(pauseRows, key: "task_id", now: query.now)
        // Who could claim each queue's tasks now (migration 0019): none, with open tasks, is a queue nobody watches.
        let claimants = try connection.query(
            """
            SELECT q.municipality_code, q.sector_code, queue_claimants(q.municipality_code, q.sector_code) AS n
              FROM (SELECT DISTINCT municipality_code, sector_code FROM tasks
                     WHERE status IN ('open', 'claimed', 'awaiting_citizen')
                       AND ($1::text IS NULL OR municipality_code = $1) AND ($2::text IS NULL OR sector_code = $2)) q
            """, filters
        ).reduce(into: [[String]: Int64]()) { counts, row in
            counts[[try row.decode("municipality_code"), try row.decode("sector_code")]] = try row.decode("n")
        }
        var queues: [[String]: [Int64]] = [:]
        for row in tasks {
            let municipality: String = try row.decode("municipality_code")
            let key = [
                municipality, try row.decode("sector_code", as: String.self),
                try row.decode("office_code", as: String.self),
            ]
            let age = try calendars.calendar(for: municipality).workingDaysElapsed(
                from: try row.decode("opened_at"), to: query.now,
                pauses: pauses[try row.decode("id", as: Int64.self)] ?? []
            )
            var counts = queues[key] ?? [0, 0, 0, 0]
            counts[Self.ageBucket(age)] += 1
            queues[key] = counts
        }
        let columns = [
            ReportColumn("municipality", ar: "البلدية", fr: "Municipalité", en: "Municipality"),
            ReportColumn("sector", ar: "القطاع", fr: "Secteur", en: "Sector"),
            ReportColumn("office", ar: "المكتب", fr: "Bureau", en: "Office"),
            ReportColumn("open_tasks", ar: "المهام المفتوحة", fr: "Tâches ouvertes", en: "Open tasks"),
            ReportColumn("age_0_2", ar: "0–2 أيام عمل", fr: "0–2 jours ouvrés", en: "0–2 working days"),
            ReportColumn("age_3_5", ar: "3–5 أيام عمل", fr: "3–5 jours ouvrés", en: "3–5 working days"),
            ReportColumn("age_6_10", ar: "6–10 أيام عمل", fr: "6–10 jours ouvrés", en: "6–10 working days"),
            ReportColumn(
                "age_over_10", ar: "أكثر من 10 أيام عمل", fr: "Plus de 10 jours ouvrés", en: "Over 10 working days"),
            ReportColumn(
                "claimants", ar: "الموظفون القادرون على الاستلام", fr: "Agents pouvant la prendre",
                en: "Clerks who could claim"),
        ]
        let rows = queues.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { key, counts in
            key.map { ReportValue.text($0) } + [.integer(counts.reduce(0, +))] + counts.map { ReportValue.integer($0) }
                + [.integer(claimants[Array(key.prefix(2))] ?? 0)]
        }
        let title = LocalizedText(ar: "المهام المتراكمة", fr: "Tâches en attente", en: "Backlog")
        return Report(
            name: .backlog, title: title, query: query,
            tables: [
                ReportTable(key: "rows", title: title, columns: columns, rows: rows, chart: nil)
            ])
    }

    /// 0: 0–2 whole working days, 1: 3–5, 2: 6–10, 3: over 10.
    static func ageBucket(_ workingDays: Double) -> Int {
        // A hair under a whole day is that whole day (floating-point sums of day fractions).
        let whole = Int((workingDays + 1e-9).rounded(.down))
        switch whole {
        case ...2: return 0
        case 3...5: return 1
        case 6...10: return 2
        default: return 3
        }
    }
}
