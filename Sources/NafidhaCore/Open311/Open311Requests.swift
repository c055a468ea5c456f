import Foundation
import NafidhaContract
import Postgres

/// Reads the public views of requests filed for public-report services, whatever channel filed them. Requests for
/// other services never appear, not even by id: the privacy rule (docs/open311.md).
public struct Open311Requests: Sendable {
    /// Where requests are read.
    public let pool: PostgresPool
    /// Where lists are read: the read replica when one is current (a list may be a few seconds stale; a request
    /// asked for by its id is read on the primary, as its filer expects to see it at once).
    private let reads: ReadRouting

    /// Creates the reader over `pool`, lists through `reads` (by default `pool` too).
    public init(pool: PostgresPool, reads: ReadRouting? = nil) {
        self.pool = pool
        self.reads = reads ?? ReadRouting(primary: pool, replica: nil)
    }

    /// The requests matching `filter`, newest first; with a `jurisdiction` (municipality code) only its requests.
    /// - Throws: `NafidhaError` `unknown_jurisdiction` (404).
    public func list(
        _ filter: Open311RequestFilter, jurisdiction: String? = nil, language: Language
    ) throws -> [Open311RequestView] {
        var start: Date?
        var end: Date?
        var after: Date?
        var before: Date?
        switch filter.window {
        case .requested(let low, let high): (start, end) = (low, high)
        case .updated(let low, let high): (after, before) = (low, high)
        }
        let ids = filter.ids
        let rows = try reads.read { connection in
            if let jurisdiction { try Open311Catalog.requireMunicipality(jurisdiction, on: connection) }
            return try connection.queryPrepared(
                Self.selectViews + """
                     WHERE s.public_report AND ($10::text IS NULL OR r.municipality_code = $10)
                       AND CASE WHEN $1::text[] IS NOT NULL THEN r.tracking_number = ANY ($1::text[])
                           ELSE ($2::text[] IS NULL OR r.service_code = ANY ($2::text[]))
                            AND ($3::boolean IS NULL OR $3 = (r.closed_at IS NULL))
                            AND ($4::timestamptz IS NULL OR r.submitted_at >= $4)
                            AND ($5::timestamptz IS NULL OR r.submitted_at <= $5)
                            AND ($6::timestamptz IS NULL OR u.updated_at > $6)
                            AND ($7::timestamptz IS NULL OR u.updated_at < $7) END
                     ORDER BY r.submitted_at DESC, r.id DESC
                     LIMIT $8 OFFSET $9
                    """,
                [
                    ids, ids == nil ? filter.serviceCodes : nil, filter.status.map { $0 == .open }, start, end, after,
                    before,
                    ids == nil ? filter.pageSize : Open311RequestFilter.maximumIDs,
                    ids == nil ? (filter.page - 1) * filter.pageSize : 0, jurisdiction,
                ]
            )
        }
        return try rows.map { try Self.view($0, language: language) }
    }

    /// The request whose tracking number is `id`.
    /// - Throws: `NafidhaError` `unknown_request` (404), also for a request of a service that is not public.
    public func request(id: String, language: Language) throws -> Open311RequestView {
        let rows = try pool.withConnection { connection in
            try connection.queryPrepared(Self.selectViews + " WHERE s.public_report AND r.tracking_number = $1", [id])
        }
        guard let row = rows.first else {
            throw NafidhaError(.unknownRequest)
        }
        return try Self.view(row, language: language)
    }

    /// Only public columns are selected; the applicant's columns are never read here. A description held, hidden or
    /// redacted by moderation shows as empty or as its redacted text (docs/open311.md, "Moderation").
    private static let selectViews = """
        SELECT r.tracking_number, r.status, r.closed_at IS NULL AS open, r.service_code, s.name_ar, s.name_fr,
               s.name_en, CASE r.description_moderation WHEN 'public' THEN r.description
                                WHEN 'redacted' THEN r.description_redacted ELSE '' END AS description,
               r.submitted_at, u.updated_at, r.due_at, r.media_url,
               loc.place ->> 'address' AS address, (loc.place ->> 'lat')::float8 AS lat,
               (loc.place ->> 'long')::float8 AS long, a.agency_ar, a.agency_fr, a.agency_en
          FROM requests r
          JOIN services s ON s.code = r.service_code
          CROSS JOIN LATERAL (
                SELECT greatest(r.submitted_at, (SELECT max(e.occurred_at) FROM audit_events e WHERE e.request_id = r.id))
                       AS updated_at) u
          LEFT JOIN LATERAL (
                SELECT r.fields -> f.code AS place FROM service_fields f
                 WHERE f.service_code = r.service_code AND f.datatype = 'location' ORDER BY f.position LIMIT 1) loc ON true
          CROSS JOIN LATERAL (
                SELECT array_agg(c.name_ar ORDER BY c.code) AS agency_ar,
                       array_agg(c.name_fr ORDER BY c.code) AS agency_fr,
                       array_agg(c.name_en ORDER BY c.code) AS agency_en
                  FROM sectors c
                 WHERE c.code IN (SELECT t.sector_code FROM tasks t WHERE t.request_id = r.id AND t.status <> 'waiting')) a
        """

    private static func view(_ row: PostgresRow, language: Language) throws -> Open311RequestView {
        guard let status = RequestStatus(rawValue: try row.decode("status")) else {
            throw NafidhaError(.unknownRequestStatus)
        }
        let open: Bool = try row.decode("open")
        let agencies = try row.decode("agency_\(language.rawValue)", as: [String]?.self) ?? []
        return Open311RequestView(
            serviceRequestID: try row.decode("tracking_number"), status: open ? .open : .closed,
            statusNotes: Self.notes(status).text(in: language),
            serviceName: try Open311Catalog.localized(row, "name", language),
            serviceCode: try row.decode("service_code"), description: try row.decode("description"),
            agencyResponsible: agencies.joined(separator: language == .arabic ? "، " : ", "),
            serviceNotice: "", requestedDatetime: try row.decode("submitted_at"),
            updatedDatetime: try row.decode("updated_at"), expectedDatetime: open ? try row.decode("due_at") : nil,
            address: try row.decode("address"), lat: try row.decode("lat"), long: try row.decode("long"),
            mediaURL: try row.decode("media_url")
        )
    }

    /// The public note for each request status (docs/state-machine.md).
    static func notes(_ status: RequestStatus) -> LocalizedText {
        switch status {
        case .awaitingPayment:
            LocalizedText(
                ar: "بانتظار دفع الرسم.", fr: "En attente du paiement des frais.", en: "Waiting for the fee to be paid."
            )
        case .submitted:
            LocalizedText(ar: "تم استلام البلاغ.", fr: "Signalement reçu.", en: "Report received.")
        case .inReview:
            LocalizedText(ar: "البلاغ قيد المعالجة.", fr: "Signalement en cours de traitement.", en: "Being handled.")
        case .awaitingCitizen:
            LocalizedText(
                ar: "بانتظار معلومات من المُبلِّغ.", fr: "En attente d'informations du déclarant.",
                en: "Waiting for information from the reporter.")
        case .approved:
            LocalizedText(ar: "تمت معالجة البلاغ.", fr: "Signalement traité.", en: "Resolved.")
        case .rejected:
            LocalizedText(ar: "أُغلق البلاغ دون إجراء.", fr: "Clos sans suite.", en: "Closed without action.")
        case .cancelled:
            LocalizedText(ar: "أُلغي البلاغ.", fr: "Signalement annulé.", en: "Cancelled.")
        }
    }
}
