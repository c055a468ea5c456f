import Foundation

extension Reports {
    /// A report in JSON: its name and title, its scope, and its rows (for throughput also `clerks`). The scope's
    /// `municipality` and `sector` are written `null` when not set.
    public struct Document<Row: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        /// Which report.
        public var report: Name
        /// Its title in the asked language.
        public var title: String
        /// The range's start, inclusive.
        public var from: Date
        /// The range's end, exclusive.
        public var to: Date
        /// The instant "now" meant (overdue tasks, backlog ages).
        public var generatedAt: Date
        /// The municipality it covers, if one.
        public var municipality: String?
        /// The sector it covers, if one.
        public var sector: String?
        /// The main table.
        public var rows: [Row]
        /// Throughput only: actions per clerk.
        public var clerks: [ClerkRow]?
        /// Satisfaction only, for supervisors: the ratings' comments.
        public var comments: [RatingCommentRow]?

        /// A report.
        public init(
            report: Name, title: String, from: Date, to: Date, generatedAt: Date, municipality: String?,
            sector: String?, rows: [Row], clerks: [ClerkRow]? = nil, comments: [RatingCommentRow]? = nil
        ) {
            self.report = report
            self.title = title
            self.from = from
            self.to = to
            self.generatedAt = generatedAt
            self.municipality = municipality
            self.sector = sector
            self.rows = rows
            self.clerks = clerks
            self.comments = comments
        }

        enum CodingKeys: String, CodingKey {
            case report, title, from, to, municipality, sector, rows, clerks, comments
            case generatedAt = "generated_at"
        }

        /// Writes `municipality` and `sector` even when null, as the server does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(report, forKey: .report)
            try container.encode(title, forKey: .title)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(generatedAt, forKey: .generatedAt)
            try container.encode(municipality, forKey: .municipality)
            try container.encode(sector, forKey: .sector)
            try container.encode(rows, forKey: .rows)
            try container.encodeIfPresent(clerks, forKey: .clerks)
            try container.encodeIfPresent(comments, forKey: .comments)
        }
    }
}
