import Foundation
import NafidhaContract
import Postgres

extension ReportService {
    /// Submissions and completions (approved or rejected) per local day or ISO week, per municipality and sector
    /// (the service's sector), and the actions each clerk recorded in the audit trail during the range.
    static func throughput(_ query: ReportQuery, on connection: PostgresConnection) throws -> Report {
        let parameters: [(any PostgresEncodable)?] = [
            query.from, query.to, query.municipality, query.sector, query.interval.rawValue,
        ]
        let periods = try connection.query(
            """
            WITH scoped AS (
                SELECT r.*, s.sector_code, c.time_zone
                  FROM requests r JOIN services s ON s.code = r.service_code
                  JOIN municipalities m ON m.code = r.municipality_code JOIN countries c ON c.code = m.country_code
                 WHERE ($3::text IS NULL OR r.municipality_code = $3) AND ($4::text IS NULL OR s.sector_code = $4)
            ), events AS (
                SELECT municipality_code, sector_code, date_trunc($5, submitted_at AT TIME ZONE time_zone) AS period,
                       1 AS submitted, 0 AS completed
                  FROM scoped WHERE submitted_at >= $1 AND submitted_at < $2
                UNION ALL
                SELECT municipality_code, sector_code, date_trunc($5, closed_at AT TIME ZONE time_zone), 0, 1
                  FROM scoped WHERE status IN ('approved', 'rejected') AND closed_at >= $1 AND closed_at < $2
            )
            SELECT municipality_code, sector_code, period::date::text AS period,
                   sum(submitted) AS submissions, sum(completed) AS completions
              FROM events GROUP BY 1, 2, 3 ORDER BY 3, 1, 2
            """, parameters
        )
        let periodRows = try periods.map { row -> [ReportValue] in
            [
                .text(try row.decode("period")), .text(try row.decode("municipality_code")),
                .text(try row.decode("sector_code")),
                .integer(try row.decode("submissions")), .integer(try row.decode("completions")),
            ]
        }
        let clerks = try connection.query(
            """
            SELECT e.municipality_code, e.actor, count(*) AS actions,
                   count(*) FILTER (WHERE e.action = 'claimed') AS claimed,
                   count(*) FILTER (WHERE e.action = 'approved') AS approved,
                   count(*) FILTER (WHERE e.action = 'rejected') AS rejected,
                   count(*) FILTER (WHERE e.action = 'forwarded') AS forwarded,
                   count(*) FILTER (WHERE e.action = 'information_requested') AS information_requested
              FROM audit_events e LEFT JOIN tasks t ON t.id = e.task_id
             WHERE e.actor_kind = 'clerk' AND e.occurred_at >= $1 AND e.occurred_at < $2
               AND ($3::text IS NULL OR e.municipality_code = $3) AND ($4::text IS NULL OR t.sector_code = $4)
             GROUP BY 1, 2 ORDER BY 1, 2
            """, [query.from, query.to, query.municipality, query.sector]
        )
        let clerkRows = try clerks.map { row -> [ReportValue] in
            [.text(try row.decode("municipality_code")), .text(try row.decode("actor"))]
                + (try ["actions", "claimed", "approved", "rejected", "forwarded", "information_requested"].map {
                    ReportValue.integer(try row.decode($0))
                })
        }
        let municipality = ReportColumn("municipality", ar: "البلدية", fr: "Municipalité", en: "Municipality")
        let title = LocalizedText(ar: "حجم العمل", fr: "Débit", en: "Throughput")
        return Report(
            name: .throughput, title: title, query: query,
            tables: [
                ReportTable(
                    key: "rows", title: title,
                    columns: [
                        ReportColumn(
                            "period", ar: query.interval == .day ? "اليوم" : "الأسبوع",
                            fr: query.interval == .day ? "Jour" : "Semaine", en: query.interval == .day ? "Day" : "Week"
                        ),
                        municipality, ReportColumn("sector", ar: "القطاع", fr: "Secteur", en: "Sector"),
                        ReportColumn("submissions", ar: "الطلبات المقدمة", fr: "Demandes déposées", en: "Submissions"),
                        ReportColumn("completions", ar: "الطلبات المنجزة", fr: "Demandes traitées", en: "Completions"),
                    ],
                    rows: periodRows, chart: .lines(x: "period", series: ["submissions", "completions"])
                ),
                ReportTable(
                    key: "clerks",
                    title: LocalizedText(ar: "الإجراءات حسب الموظف", fr: "Actions par agent", en: "Actions per clerk"),
                    columns: [
                        municipality, ReportColumn("clerk", ar: "الموظف", fr: "Agent", en: "Clerk"),
                        ReportColumn("actions", ar: "الإجراءات", fr: "Actions", en: "Actions"),
                        ReportColumn("claimed", ar: "استلام", fr: "Prises en charge", en: "Claimed"),
                        ReportColumn("approved", ar: "موافقة", fr: "Approuvées", en: "Approved"),
                        ReportColumn("rejected", ar: "رفض", fr: "Rejetées", en: "Rejected"),
                        ReportColumn("forwarded", ar: "إحالة", fr: "Transmises", en: "Forwarded"),
                        ReportColumn(
                            "information_requested", ar: "طلب معلومات", fr: "Informations demandées",
                            en: "Information requested"),
                    ],
                    rows: clerkRows, chart: nil
                ),
            ])
    }
}
