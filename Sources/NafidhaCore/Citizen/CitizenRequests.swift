import Foundation
import NafidhaContract
import Postgres

/// "My requests" (`GET /v1/citizen/requests`): the requests whose applicant phone is the session's, newest first,
/// paged by a strict cursor (`RequestSearchCursor`: submission time to the microsecond, then id, as the staff search
/// pages). One statement: the session's check and the page.
public struct CitizenRequests: Sendable {
    /// Page sizes.
    public struct Settings: Sendable, Equatable {
        /// Requests per page when `limit` is not given (20).
        public var defaultPageSize = 20
        /// The largest page (50).
        public var maximumPageSize = 50

        /// The defaults above.
        public init() {}
    }

    /// Where sessions and requests live.
    public let pool: PostgresPool
    /// Page sizes.
    public let settings: Settings

    /// A listing over `pool`.
    public init(pool: PostgresPool, settings: Settings = Settings()) {
        self.pool = pool
        self.settings = settings
    }

    /// The page after `cursor` of the requests of session `token`'s phone, names in `language`.
    /// - Throws: 401 `invalid_session`; 400 `invalid_cursor` for a cursor the server did not give.
    public func page(session token: String?, cursor: String?, limit: Int?, language: Language) throws
        -> Citizen.RequestPage
    {
        guard let token, !token.isEmpty else { throw NafidhaError(.invalidSession) }
        var position: RequestSearchCursor?
        if let cursor {
            guard let decoded = RequestSearchCursor(encoded: cursor) else { throw NafidhaError(.invalidCursor) }
            position = decoded
        }
        let limit = min(max(limit ?? settings.defaultPageSize, 1), settings.maximumPageSize)
        let rows = try pool.withConnection { connection in
            try connection.queryPrepared(
                """
                SELECT r.id, r.tracking_number, r.status, r.service_code, r.municipality_code, r.submitted_at,
                       r.submitted_at::text AS sort_submitted, r.closed_at,
                       CASE $5::text WHEN 'ar' THEN s.name_ar WHEN 'fr' THEN s.name_fr ELSE s.name_en END AS service_name,
                       CASE $5::text WHEN 'ar' THEN m.name_ar WHEN 'fr' THEN m.name_fr ELSE m.name_en END
                           AS municipality_name
                  FROM citizen_sessions cs
                  LEFT JOIN LATERAL (
                       SELECT r.* FROM requests r
                        WHERE r.applicant_phone = cs.phone
                          AND ($2::timestamptz IS NULL OR (r.submitted_at, r.id) < ($2::timestamptz, $3::bigint))
                        ORDER BY r.submitted_at DESC, r.id DESC
                        LIMIT $4) r ON true
                  LEFT JOIN services s ON s.code = r.service_code
                  LEFT JOIN municipalities m ON m.code = r.municipality_code
                 WHERE cs.token_hash = $1 AND cs.revoked_at IS NULL AND cs.expires_at > now()
                 ORDER BY r.submitted_at DESC, r.id DESC
                """,
                [
                    AccessToken(text: token).hash, position?.submitted, position?.id, limit + 1, language.rawValue,
                ])
        }
        guard !rows.isEmpty else { throw NafidhaError(.invalidSession) }
        var requests: [Citizen.RequestSummary] = []
        var last: RequestSearchCursor?
        for row in rows.prefix(limit) {
            guard let id: Int64 = try row.decode("id") else { break }
            requests.append(
                Citizen.RequestSummary(
                    trackingNumber: try row.decode("tracking_number"), status: try RequestStatus.decoded(from: row),
                    service: try row.decode("service_code"), serviceName: try row.decode("service_name"),
                    municipality: try row.decode("municipality_code"),
                    municipalityName: try row.decode("municipality_name"), submittedAt: try row.decode("submitted_at"),
                    closedAt: try row.decode("closed_at")))
            last = RequestSearchCursor(submitted: try row.decode("sort_submitted"), id: id)
        }
        return Citizen.RequestPage(requests: requests, nextCursor: rows.count > limit ? last?.encoded : nil)
    }
}
