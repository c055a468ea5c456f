import Foundation
import NafidhaContract
import Postgres

extension ReportService {
    /// Comments listed at most in one satisfaction report (the newest first).
    static let maximumRatingComments = 1000

    /// The applicants' ratings made in the range per municipality, service and sector (the service's sector, as
    /// throughput counts): how many, their mean score and how many of each score. For supervisors also a
    /// `comments` table: the comments left, newest first, at most `maximumRatingComments`.
    static func satisfaction(_ query: ReportQuery, on connection: PostgresConnection) throws -> Report {
        let rated = """
            SELECT r.municipality_code, r.service_code, s.sector_code, r.tracking_number, g.score, g.comment,
                   g.rated_at
              FROM request_ratings g JOIN requests r ON r.id = g.request_id JOIN services s ON s.code = r.service_code
             WHERE g.rated_at >= $1 AND g.rated_at < $2
               AND ($3::text IS NULL OR r.municipality_code = $3) AND ($4::text IS NULL OR s.sector_code = $4)
            """
        let parameters: [(any PostgresEncodable)?] = [query.from, query.to, query.municipality, query.sector]
        let rows = try connection.queryPrepared(
            """
            SELECT municipality_code, service_code, sector_code, count(*) AS ratings,
                   avg(score)::float8 AS mean_score,
                   count(*) FILTER (WHERE score = 1) AS score_1, count(*) FILTER (WHERE score = 2) AS score_2,
                   count(*) FILTER (WHERE score = 3) AS score_3, count(*) FILTER (WHERE score = 4) AS score_4,
                   count(*) FILTER (WHERE score = 5) AS score_5
              FROM (\(rated)) x
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, parameters
        ).map { row -> [ReportValue] in
            [
                .text(try row.decode("municipality_code")), .text(try row.decode("service_code")),
                .text(try row.decode("sector_code")), .integer(try row.decode("ratings")),
                .decimal(try row.decode("mean_score"), places: 2),
            ] + (try (1...5).map { ReportValue.integer(try row.decode("score_\($0)")) })
        }
        let municipality = ReportColumn("municipality", ar: "البلدية", fr: "Municipalité", en: "Municipality")
        let service = ReportColumn("service", ar: "الخدمة", fr: "Service", en: "Service")
        let title = LocalizedText(ar: "رضا المواطنين", fr: "Satisfaction des usagers", en: "Satisfaction")
        var tables = [
            ReportTable(
                key: "rows", title: title,
                columns: [
                    municipality, service, ReportColumn("sector", ar: "القطاع", fr: "Secteur", en: "Sector"),
                    ReportColumn("ratings", ar: "التقييمات", fr: "Notes", en: "Ratings"),
                    ReportColumn("mean_score", ar: "متوسط التقييم", fr: "Note moyenne", en: "Mean score"),
                ]
                    + (1...5).map {
                        ReportColumn("score_\($0)", ar: "التقييم \($0)", fr: "Note \($0)", en: "Score \($0)")
                    },
                rows: rows, chart: .bars(labels: ["municipality", "service", "sector"], value: "mean_score"))
        ]
        if query.includeComments {
            let comments = try connection.queryPrepared(
                """
                SELECT municipality_code, service_code, tracking_number, score::int8 AS score, comment,
                       to_char(rated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS rated_at
                  FROM (\(rated)) x
                 WHERE comment IS NOT NULL
                 ORDER BY x.rated_at DESC, tracking_number
                 LIMIT $5
                """, parameters + [Self.maximumRatingComments]
            ).map { row -> [ReportValue] in
                [
                    .text(try row.decode("municipality_code")), .text(try row.decode("service_code")),
                    .text(try row.decode("tracking_number")), .text(try row.decode("rated_at")),
                    .integer(try row.decode("score")), .text(try row.decode("comment")),
                ]
            }
            tables.append(
                ReportTable(
                    key: "comments",
                    title: LocalizedText(ar: "تعليقات المواطنين", fr: "Commentaires des usagers", en: "Comments"),
                    columns: [
                        municipality, service,
                        ReportColumn("tracking_number", ar: "رقم التتبع", fr: "Numéro de suivi", en: "Tracking number"),
                        ReportColumn("rated_at", ar: "التاريخ", fr: "Date", en: "Rated at"),
                        ReportColumn("score", ar: "التقييم", fr: "Note", en: "Score"),
                        ReportColumn("comment", ar: "التعليق", fr: "Commentaire", en: "Comment"),
                    ],
                    rows: comments, chart: nil))
        }
        return Report(name: .satisfaction, title: title, query: query, tables: tables)
    }
}
