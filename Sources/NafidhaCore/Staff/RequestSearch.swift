import Foundation
import NafidhaContract
import Postgres

/// Finds requests by their applicant, as a counter clerk is asked to: by national id, phone or part of the name
/// (`GET /v1/staff/requests`, `nafidha search`; docs/clerks.md, "Search").
///
/// The results are exactly the requests whose personal data the caller may see in the staff view of a request
/// (`WorkflowEngine.staffView`): a clerk's while one of their sector's tasks on it is open, claimed or awaiting the
/// citizen; a supervisor's, auditor's or admin's in their municipalities. Each result carries the applicant's name,
/// national id and phone, so each is recorded as a `personal_data_viewed` audit event in the search's own
/// transaction. What the clerk typed is normalized as intake normalized what the citizen typed (`SearchTerm`), and
/// each criterion is answered from an index (migration 0012). Synchronous: call it from threads we own.
public struct RequestSearch: Sendable {
    /// Limits of a search.
    public struct Settings: Sendable {
        /// Requests per page when the caller does not say (20).
        public var defaultPageSize = 20
        /// The largest page a caller may ask for (50).
        public var maximumPageSize = 50

        /// The defaults above.
        public init() {}
    }

    let pool: PostgresPool
    /// The page sizes.
    public let settings: Settings
    let clock: @Sendable () -> Date

    /// A search over `pool`; `clock` is the instant national ids are checked at (their birth year).
    public init(
        pool: PostgresPool, settings: Settings = Settings(), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pool = pool
        self.settings = settings
        self.clock = clock
    }

    /// One page of the requests matching `query` that `member` may see, newest first, each one's reading audited.
    /// - Throws: 403 `out_of_scope` for a municipality outside the scope, 400 `invalid_cursor`, 422
    ///   `search_term_too_short` or `invalid_search_term`.
    public func search(_ query: Staff.RequestSearchQuery, for member: StaffMember) throws -> Staff.RequestSearchPage {
        try member.requireScope(municipality: query.municipality, sector: nil)
        let limit = min(max(query.limit ?? settings.defaultPageSize, 1), settings.maximumPageSize)
        var cursor: RequestSearchCursor?
        if let text = query.cursor {
            guard let decoded = RequestSearchCursor(encoded: text) else { throw NafidhaError(.invalidCursor) }
            cursor = decoded
        }
        let municipalities = query.municipality.map { [$0] } ?? member.visibleMunicipalities
        let now = clock()
        return try pool.withTransaction { connection in
            guard
                let term = try SearchTerm.make(query.criterion, municipalities: municipalities, at: now, on: connection)
            else { return Staff.RequestSearchPage(requests: [], nextCursor: nil) }
            let rows = try connection.queryPrepared(
                """
                SELECT r.id, r.tracking_number, r.service_code, s.name_ar AS service_ar, s.name_fr AS service_fr,
                       s.name_en AS service_en, r.municipality_code, r.status, r.submitted_at,
                       r.submitted_at::text AS sort_submitted, r.applicant_name, r.applicant_national_id,
                       r.applicant_phone
                  FROM requests r JOIN services s ON s.code = r.service_code
                 WHERE \(term.condition)
                   AND ($2::text[] IS NULL OR r.municipality_code = ANY ($2::text[]))
                   AND ($3::text[] IS NULL OR EXISTS (
                        SELECT 1 FROM tasks t
                         WHERE t.request_id = r.id AND t.status IN ('open', 'claimed', 'awaiting_citizen')
                           AND t.sector_code = ANY ($3::text[])))
                   AND ($4::timestamptz IS NULL OR (r.submitted_at, r.id) < ($4::timestamptz, $5::bigint))
                 ORDER BY r.submitted_at DESC, r.id DESC
                 LIMIT $6
                """,
                [
                    term.value, municipalities, member.visibleSectors, cursor?.submitted, cursor?.id, limit + 1,
                ]
            )
            var requests: [Staff.RequestMatch] = []
            var last: RequestSearchCursor?
            for row in rows.prefix(limit) {
                let match = try Self.match(row)
                try AuditLog.append(
                    on: connection, municipality: match.municipality, actorKind: member.actor.kind, actor: member.name,
                    action: .personalDataViewed, requestID: try row.decode("id"),
                    details: [
                        "role": .string(member.role.rawValue), "view": .string("staff_search"),
                        "criterion": .string(query.criterion.parameter),
                    ]
                )
                requests.append(match)
                last = RequestSearchCursor(submitted: try row.decode("sort_submitted"), id: try row.decode("id"))
            }
            return Staff.RequestSearchPage(requests: requests, nextCursor: rows.count > limit ? last?.encoded : nil)
        }
    }

    private static func match(_ row: PostgresRow) throws -> Staff.RequestMatch {
        Staff.RequestMatch(
            trackingNumber: try row.decode("tracking_number"), service: try row.decode("service_code"),
            serviceName: LocalizedText(
                ar: try row.decode("service_ar"), fr: try row.decode("service_fr"), en: try row.decode("service_en")),
            municipality: try row.decode("municipality_code"), status: try RequestStatus.decoded(from: row),
            submittedAt: try row.decode("submitted_at"), applicantName: try row.decode("applicant_name"),
            applicantNationalID: try row.decode("applicant_national_id"),
            applicantPhone: try row.decode("applicant_phone")
        )
    }
}
