import Foundation
import NafidhaContract
import Postgres

/// The applicant's rating of a decided request (docs/citizens.md, "Ratings"): once, after the request was approved
/// or rejected, a score of 1 to 5 and an optional comment that only supervisors read. Each rating is an audit event
/// (`rated`, with the score, never the comment) in the municipality's chain.
public struct RequestRatings: Sendable {
    /// The longest comment, in Unicode scalars (1000).
    public static let maximumCommentLength = 1000
    /// The scores allowed.
    public static let scores = 1...5

    /// Where requests and ratings live.
    public let pool: PostgresPool
    /// The instant a rating is made at (tests pin it).
    let clock: @Sendable () -> Date

    /// A ratings service over `pool`.
    public init(pool: PostgresPool, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.pool = pool
        self.clock = clock
    }

    /// Rates `request` (authenticated by its access token or a session of its applicant) with `score` and `comment`.
    /// - Throws: 422 `validation_failed` naming `score` or `comment`; 409 `request_not_decided` before the decision
    ///   (or when it was cancelled); 409 `already_rated`.
    public func rate(_ request: RequestTracking.AuthenticatedRequest, score: Int, comment: String?) throws
        -> Citizen.Rating
    {
        guard score >= Self.scores.lowerBound else {
            throw NafidhaError(.validationFailed, fields: ["score": .atLeast(String(Self.scores.lowerBound))])
        }
        guard score <= Self.scores.upperBound else {
            throw NafidhaError(.validationFailed, fields: ["score": .atMost(String(Self.scores.upperBound))])
        }
        let comment = try comment.map(Self.checkedComment)
        let now = clock()
        return try pool.withTransaction { connection in
            let rows = try connection.queryPrepared(
                "SELECT municipality_code, status FROM requests WHERE id = $1 FOR UPDATE", [request.id])
            guard let row = rows.first else { throw NafidhaError(.requestNotFound) }
            let status = try RequestStatus.decoded(from: row)
            guard status == .approved || status == .rejected else { throw NafidhaError(.requestNotDecided) }
            let inserted = try connection.executePrepared(
                """
                INSERT INTO request_ratings (request_id, score, comment, rated_at) VALUES ($1, $2, $3, $4::timestamptz)
                ON CONFLICT (request_id) DO NOTHING
                """,
                [request.id, score, comment, now])
            guard inserted == 1 else { throw NafidhaError(.alreadyRated) }
            _ = try AuditLog.append(
                on: connection, municipality: try row.decode("municipality_code"), actorKind: .citizen,
                actor: request.actor.id, action: .rated, requestID: request.id,
                details: ["score": .number(Double(score)), "comment": .bool(comment != nil)])
            return Citizen.Rating(
                trackingNumber: request.trackingNumber, score: score, hasComment: comment != nil, ratedAt: now)
        }
    }

    /// A comment checked by the one text policy (multi-line), trimmed, 1 to `maximumCommentLength` scalars.
    private static func checkedComment(_ text: String) throws -> String {
        switch TextPolicy.check(text, as: .text, limit: Int.max) {
        case .failure(let refusal):
            throw NafidhaError(.validationFailed, fields: ["comment": refusal.reason])
        case .success(let checked):
            let trimmed = checked.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw NafidhaError(.validationFailed, fields: ["comment": .required]) }
            guard trimmed.unicodeScalars.count <= maximumCommentLength else {
                throw NafidhaError(.validationFailed, fields: ["comment": .tooLong(maximum: maximumCommentLength)])
            }
            return trimmed
        }
    }
}
