import Foundation
import NafidhaContract
import Postgres

extension ReportService {
    /// Money taken and given back in the range (docs/payments.md): per municipality, local day, method and
    /// currency, the valid payments (count and sum in minor units), the counter receipts cancelled, and the refunds
    /// (count and sum). A day is the municipality's local date; sums are integers, never floating point.
    static func payments(_ query: ReportQuery, on connection: PostgresConnection) throws -> Report {
        let rows = try connection.query(
            """
            WITH movement AS (
                SELECT p.municipality_code, (p.paid_at AT TIME ZONE k.time_zone)::date AS day, p.method, p.currency,
                       (p.cancelled_at IS NULL)::int AS paid,
                       CASE WHEN p.cancelled_at IS NULL THEN p.amount_minor ELSE 0 END AS paid_minor,
                       (p.cancelled_at IS NOT NULL)::int AS cancelled, 0 AS refunds, 0::bigint AS refunded_minor
                  FROM payments p JOIN municipalities m ON m.code = p.municipality_code
                  JOIN countries k ON k.code = m.country_code
                 WHERE p.paid_at >= $1 AND p.paid_at < $2 AND ($3::text IS NULL OR p.municipality_code = $3)
                UNION ALL
                SELECT f.municipality_code, (f.refunded_at AT TIME ZONE k.time_zone)::date, f.method, f.currency,
                       0, 0, 0, 1, f.amount_minor
                  FROM refunds f JOIN municipalities m ON m.code = f.municipality_code
                  JOIN countries k ON k.code = m.country_code
                 WHERE f.refunded_at >= $1 AND f.refunded_at < $2 AND ($3::text IS NULL OR f.municipality_code = $3)
            )
            SELECT municipality_code, day::text AS day, method, currency, sum(paid)::int8 AS payments,
                   sum(paid_minor)::int8 AS paid_minor, sum(cancelled)::int8 AS receipts_cancelled,
                   sum(refunds)::int8 AS refunds, sum(refunded_minor)::int8 AS refunded_minor
              FROM movement GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """, [query.from, query.to, query.municipality]
        ).map { row -> [ReportValue] in
            let currency: String = try row.decode("currency")
            let paid: Int64 = try row.decode("paid_minor")
            let refunded: Int64 = try row.decode("refunded_minor")
            return [
                .text(try row.decode("municipality_code")), .text(try row.decode("day")),
                .text(try row.decode("method")), .text(currency), .integer(try row.decode("payments")),
                .integer(paid), .text(Money(amountMinor: paid, currency: currency).amount),
                .integer(try row.decode("receipts_cancelled")), .integer(try row.decode("refunds")),
                .integer(refunded), .text(Money(amountMinor: refunded, currency: currency).amount),
            ]
        }
        let title = LocalizedText(ar: "المدفوعات", fr: "Paiements", en: "Payments")
        return Report(
            name: .payments, title: title, query: query,
            tables: [
                ReportTable(
                    key: "rows", title: title,
                    columns: [
                        ReportColumn("municipality", ar: "البلدية", fr: "Municipalité", en: "Municipality"),
                        ReportColumn("day", ar: "اليوم", fr: "Jour", en: "Day"),
                        ReportColumn("method", ar: "طريقة الدفع", fr: "Mode", en: "Method"),
                        ReportColumn("currency", ar: "العملة", fr: "Devise", en: "Currency"),
                        ReportColumn("payments", ar: "المدفوعات", fr: "Paiements", en: "Payments"),
                        ReportColumn(
                            "paid_minor", ar: "المبلغ (وحدات صغرى)", fr: "Montant (unités)", en: "Paid (minor)"),
                        ReportColumn("paid", ar: "المبلغ", fr: "Montant", en: "Paid"),
                        ReportColumn(
                            "receipts_cancelled", ar: "إيصالات ملغاة", fr: "Reçus annulés", en: "Receipts cancelled"),
                        ReportColumn("refunds", ar: "المبالغ المستردة", fr: "Remboursements", en: "Refunds"),
                        ReportColumn(
                            "refunded_minor", ar: "المسترد (وحدات صغرى)", fr: "Remboursé (unités)",
                            en: "Refunded (minor)"),
                        ReportColumn("refunded", ar: "المسترد", fr: "Remboursé", en: "Refunded"),
                    ],
                    rows: rows, chart: .bars(labels: ["municipality", "day", "method"], value: "payments")
                )
            ])
    }

    /// Provider callbacks received in the range against the bills (docs/payments.md): per provider, municipality
    /// (empty for an unknown bill), outcome (`matched`, `mismatched`, `unknown_bill`, `not_payable`) and currency,
    /// the callbacks, their replays (duplicates) and the amounts they named, in minor units.
    static func reconciliation(_ query: ReportQuery, on connection: PostgresConnection) throws -> Report {
        let rows = try connection.query(
            """
            SELECT p.name AS provider, coalesce(c.municipality_code, '') AS municipality, c.outcome, c.currency,
                   count(*)::int8 AS callbacks, sum(c.replays)::int8 AS duplicates,
                   sum(c.amount_minor)::int8 AS amount_minor
              FROM payment_callbacks c JOIN payment_providers p ON p.id = c.provider_id
             WHERE c.received_at >= $1 AND c.received_at < $2
               AND ($3::text IS NULL OR c.municipality_code = $3)
             GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            """, [query.from, query.to, query.municipality]
        ).map { row -> [ReportValue] in
            [
                .text(try row.decode("provider")), .text(try row.decode("municipality")),
                .text(try row.decode("outcome")), .text(try row.decode("currency")),
                .integer(try row.decode("callbacks")), .integer(try row.decode("duplicates")),
                .integer(try row.decode("amount_minor")),
            ]
        }
        let title = LocalizedText(ar: "مطابقة المدفوعات الإلكترونية", fr: "Rapprochement", en: "Reconciliation")
        return Report(
            name: .reconciliation, title: title, query: query,
            tables: [
                ReportTable(
                    key: "rows", title: title,
                    columns: [
                        ReportColumn("provider", ar: "مزوّد الدفع", fr: "Prestataire", en: "Provider"),
                        ReportColumn("municipality", ar: "البلدية", fr: "Municipalité", en: "Municipality"),
                        ReportColumn("outcome", ar: "النتيجة", fr: "Résultat", en: "Outcome"),
                        ReportColumn("currency", ar: "العملة", fr: "Devise", en: "Currency"),
                        ReportColumn("callbacks", ar: "الإشعارات", fr: "Rappels", en: "Callbacks"),
                        ReportColumn("duplicates", ar: "المكرر", fr: "Doublons", en: "Duplicates"),
                        ReportColumn(
                            "amount_minor", ar: "المبلغ (وحدات صغرى)", fr: "Montant (unités)", en: "Amount (minor)"),
                    ],
                    rows: rows, chart: .bars(labels: ["provider", "outcome"], value: "callbacks")
                )
            ])
    }
}
