import Foundation
import NafidhaContract
import Postgres

/// The citizen's side of a request: authenticates a tracking number with its access token, or with a citizen's
/// session token when the request's applicant phone is the session's (docs/citizens.md), and shows the request.
/// A wrong or missing token, a session of another phone, an unknown or malformed tracking number all give the same
/// `request_not_found` after the same work (one lookup by tracking number that also looks the token's hash up among
/// the live sessions, one SHA-256 of the presented token, one comparison with the stored hash), so nobody can learn
/// which requests exist.
public struct RequestTracking: Sendable {
    /// A request whose access token was checked.
    public struct AuthenticatedRequest: Sendable, Equatable {
        /// The request's id.
        public var id: Int64
        /// Its tracking number, as stored.
        public var trackingNumber: String
        /// The citizen, as the audit trail names them: by the tracking number.
        public var actor: Actor { Actor(kind: .citizen, id: trackingNumber) }
    }

    /// Events shown at most in one timeline (default 500); a request has far fewer.
    public static let maximumTimelineEntries = 500

    /// Where requests live.
    public let pool: PostgresPool

    /// A tracking service over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The request `tracking` if `token` is its access token or a live session of its applicant's phone; otherwise
    /// `request_not_found` (404), whatever was wrong.
    public func authenticate(tracking: String, token: String?) throws -> AuthenticatedRequest {
        try pool.withConnection { try authenticate(tracking: tracking, token: token, on: $0) }
    }

    /// The citizen's view of request `tracking`, names in `language`, if `token` is its access token or a session of
    /// its applicant's phone: one statement, which compares the stored hashes with the presented token's inside the
    /// lookup.
    public func view(tracking: String, token: String?, language: Language) throws -> Tracking.Request {
        let presented = AccessToken(text: token ?? "").hash
        let request = try pool.withConnection { connection in
            try RequestView(connection: connection, language: language).load(
                tracking: Self.lookupKey(tracking), tokenHash: presented)
        }
        guard let request, let token, !token.isEmpty else { throw NafidhaError(.requestNotFound) }
        return request
    }

    private func authenticate(tracking: String, token: String?, on connection: PostgresConnection) throws
        -> AuthenticatedRequest
    {
        let presented = AccessToken(text: token ?? "").hash
        let rows = try connection.queryPrepared(
            """
            SELECT r.id, r.tracking_number, r.access_token_hash,
                   EXISTS (SELECT 1 FROM citizen_sessions cs
                            WHERE cs.token_hash = $2 AND cs.phone = r.applicant_phone AND cs.revoked_at IS NULL
                              AND cs.expires_at > now()) AS session_matches
              FROM requests r WHERE r.tracking_number = $1
            """,
            [Self.lookupKey(tracking), presented]
        )
        let row = rows.first
        // Compare against a stand-in when there is no such request, so both paths do the same work.
        let stored: [UInt8] = try row?.decode("access_token_hash") ?? [UInt8](repeating: 0, count: 32)
        let sessionMatches: Bool = try row?.decode("session_matches") ?? false
        let matches = Self.constantTimeEqual(presented, stored) || sessionMatches
        guard let row, let token, !token.isEmpty, matches else { throw NafidhaError(.requestNotFound) }
        return AuthenticatedRequest(id: try row.decode("id"), trackingNumber: try row.decode("tracking_number"))
    }

    /// What a tracking number is looked up as: upper case (citizens type it in any case), cut short so a huge value
    /// costs nothing.
    private static func lookupKey(_ tracking: String) -> String {
        String(tracking.uppercased().prefix(64))
    }

    /// Compares two byte strings in time that depends only on their lengths.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}
