import Foundation
import NafidhaContract
import Postgres

extension ReportService {
    /// Appeals per municipality and sector (the sector whose rejection was contested), docs/reports.md: `filed`
    /// in the range; `upheld`, `granted` and `on_time` (decided by the appeal's deadline) among those decided in the
    /// range; `pending` now, whatever the range.
    static func appeals(_ query: ReportQuery, on connection: PostgresConnection) throws -> Report {
        let rows = try connection.query(
            """
            SELECT municipality_code, sector_code,
                   count(*) FILTER (WHERE filed_at >= $1 AND filed_at < $2) AS filed,
                   count(*) FILTER (WHERE status = 'upheld' AND decided_at >= $1 AND decided_at < $2) AS upheld,
                   count(*) FILTER (WHERE status = 'granted' AND decided_at >= $1 AND decided_at < $2) AS granted,
                   count(*) FILTER (WHERE status <> 'pending' AND decided_at >= $1 AND decided_at < $2
                                      AND decided_at <= due_at) AS on_time,
                   count(*) FILTER (WHERE status = 'pending') AS pending
              FROM appeals
             WHERE ($3::text IS NULL OR municipality_code = $3) AND ($4::text IS NULL OR sector_code = $4)
             GROUP BY 1, 2
            HAVING count(*) FILTER (WHERE filed_at >= $1 AND filed_at < $2
                                       OR decided_at >= $1 AND decided_at < $2 OR status = 'pending') > 0
             ORDER BY 1, 2
            """, [query.from, query.to, query.municipality, query.sector]
        ).map { row -> [ReportValue] in
            [
                .text(try row.decode("municipality_code")), .text(try row.decode("sector_code")),
                .integer(try row.decode("filed")), .integer(try row.decode("upheld")),
                .integer(try row.decode("granted")), .integer(try row.decode("on_time")),
                .integer(try row.decode("pending")),
            ]
        }
        let title = LocalizedText(ar: "التظلمات", fr: "Recours", en: "Appeals")
        return Report(
            name: .appeals, title: title, query: query,
            tables: [
                ReportTable(
                    key: "rows", title: title,
                    columns: [
                        ReportColumn("municipality", ar: "البلدية", fr: "Municipalité", en: "Municipality"),
                        ReportColumn("sector", ar: "القطاع", fr: "Secteur", en: "Sector"),
                        ReportColumn("filed", ar: "المقدَّمة", fr: "Déposés", en: "Filed"),
                        ReportColumn("upheld", ar: "المرفوضة", fr: "Rejet maintenu", en: "Upheld"),
                        ReportColumn("granted", ar: "المقبولة", fr: "Accueillis", en: "Granted"),
                        ReportColumn("on_time", ar: "في الأجل", fr: "Dans les délais", en: "On time"),
                        ReportColumn("pending", ar: "قيد النظر", fr: "En attente", en: "Pending"),
                    ],
                    rows: rows, chart: .bars(labels: ["municipality", "sector"], value: "filed"))
            ])
    }
}
