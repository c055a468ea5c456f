import Foundation
import NafidhaContract
import Postgres

extension ReportService {
    /// Forwards recorded in the range per (from sector, to sector).
    ///
    /// A `forwarded` event names the sector it left (`details.from_sector`); the sector it went to is
    /// `details.to_sector` when present, else the next forward's `from_sector` for the same task, else the task's
    /// current sector. The sector filter matches either end.
    static func misroutes(_ query: ReportQuery, on connection: PostgresConnection) throws -> Report {
        let rows = try connection.query(
            """
            WITH forwards AS (
                SELECT e.occurred_at, e.details::jsonb->>'from_sector' AS from_sector,
                       coalesce(e.details::jsonb->>'to_sector',
                                lead(e.details::jsonb->>'from_sector') OVER (PARTITION BY e.task_id ORDER BY e.occurred_at, e.id),
                                t.sector_code) AS to_sector
                  FROM audit_events e JOIN tasks t ON t.id = e.task_id
                 WHERE e.action = 'forwarded' AND ($3::text IS NULL OR e.municipality_code = $3)
            )
            SELECT from_sector, to_sector, count(*) AS forwards FROM forwards
             WHERE occurred_at >= $1 AND occurred_at < $2
               AND ($4::text IS NULL OR from_sector = $4 OR to_sector = $4)
             GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2
            """, [query.from, query.to, query.municipality, query.sector]
        ).map { row -> [ReportValue] in
            [
                .text((try row.decode("from_sector", as: String?.self)) ?? ""), .text(try row.decode("to_sector")),
                .integer(try row.decode("forwards")),
            ]
        }
        let title = LocalizedText(ar: "الإحالات بين القطاعات", fr: "Réorientations", en: "Misroutes")
        return Report(
            name: .misroutes, title: title, query: query,
            tables: [
                ReportTable(
                    key: "rows", title: title,
                    columns: [
                        ReportColumn("from_sector", ar: "من القطاع", fr: "Secteur d'origine", en: "From sector"),
                        ReportColumn("to_sector", ar: "إلى القطاع", fr: "Secteur de destination", en: "To sector"),
                        ReportColumn("forwards", ar: "الإحالات", fr: "Transmissions", en: "Forwards"),
                    ],
                    rows: rows, chart: .bars(labels: ["from_sector", "to_sector"], value: "forwards")
                )
            ])
    }
}
