import Foundation

extension Citizen {
    /// The body of `POST /v1/requests/{tracking}/rating`.
    public struct RatingBody: Codable, Sendable, Equatable {
        /// 1 (bad) to 5 (very good).
        public var score: Int
        /// What the applicant wants to say, 1–1000 characters; read by supervisors only.
        public var comment: String?

        /// A rating.
        public init(score: Int, comment: String? = nil) {
            self.score = score
            self.comment = comment
        }
    }

    /// A stored rating (201).
    public struct Rating: Codable, Sendable, Equatable {
        /// The request rated.
        public var trackingNumber: String
        /// The score.
        public var score: Int
        /// Whether a comment was left.
        public var hasComment: Bool
        /// When.
        public var ratedAt: Date

        /// A rating.
        public init(trackingNumber: String, score: Int, hasComment: Bool, ratedAt: Date) {
            self.trackingNumber = trackingNumber
            self.score = score
            self.hasComment = hasComment
            self.ratedAt = ratedAt
        }

        enum CodingKeys: String, CodingKey {
            case score
            case trackingNumber = "tracking_number"
            case hasComment = "has_comment"
            case ratedAt = "rated_at"
        }
    }
}
