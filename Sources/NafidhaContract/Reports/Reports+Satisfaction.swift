import Foundation

extension Reports {
    /// A row of `satisfaction`: the ratings of one municipality × service × sector (a request counts in every sector
    /// that had a step of it).
    public struct SatisfactionRow: Codable, Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// The service.
        public var service: String
        /// A sector with a step of the rated requests.
        public var sector: String
        /// Ratings made in the range.
        public var ratings: Int64
        /// Their mean score, 1 to 5, to two decimals.
        public var meanScore: Double?
        /// Ratings of 1, 2, 3, 4 and 5.
        public var score1: Int64
        /// Ratings of 2.
        public var score2: Int64
        /// Ratings of 3.
        public var score3: Int64
        /// Ratings of 4.
        public var score4: Int64
        /// Ratings of 5.
        public var score5: Int64

        /// A satisfaction row.
        public init(
            municipality: String, service: String, sector: String, ratings: Int64, meanScore: Double?,
            scores: [Int64]
        ) {
            self.municipality = municipality
            self.service = service
            self.sector = sector
            self.ratings = ratings
            self.meanScore = meanScore
            score1 = scores[0]
            score2 = scores[1]
            score3 = scores[2]
            score4 = scores[3]
            score5 = scores[4]
        }

        enum CodingKeys: String, CodingKey {
            case municipality, service, sector, ratings
            case meanScore = "mean_score"
            case score1 = "score_1"
            case score2 = "score_2"
            case score3 = "score_3"
            case score4 = "score_4"
            case score5 = "score_5"
        }
    }

    /// A row of satisfaction's `comments`, for supervisors only: one rating's comment.
    public struct RatingCommentRow: Codable, Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// The service.
        public var service: String
        /// The request rated.
        public var trackingNumber: String
        /// When, as RFC 3339 in UTC.
        public var ratedAt: String
        /// The score.
        public var score: Int64
        /// What the applicant wrote.
        public var comment: String

        /// A comment row.
        public init(
            municipality: String, service: String, trackingNumber: String, ratedAt: String, score: Int64,
            comment: String
        ) {
            self.municipality = municipality
            self.service = service
            self.trackingNumber = trackingNumber
            self.ratedAt = ratedAt
            self.score = score
            self.comment = comment
        }

        enum CodingKeys: String, CodingKey {
            case municipality, service, score, comment
            case trackingNumber = "tracking_number"
            case ratedAt = "rated_at"
        }
    }
}
