import Foundation

extension Reports {
    /// The query of `GET /v1/reports/{name}`. Without `from` and `to`, the server covers the 30 days before now.
    public struct Query: Sendable, Equatable {
        /// How throughput groups instants.
        public enum Interval: String, Codable, Sendable, CaseIterable {
            /// One row per local day.
            case day
            /// One row per ISO week, named by its Monday.
            case week
        }

        /// The range's start, inclusive.
        public var from: Date?
        /// The range's end, exclusive.
        public var to: Date?
        /// Only this municipality (required of staff scoped to several).
        public var municipality: String?
        /// Only this sector.
        public var sector: String?
        /// SLA rows per service as well.
        public var byService: Bool
        /// Throughput's period.
        public var interval: Interval?

        /// A query.
        public init(
            from: Date? = nil, to: Date? = nil, municipality: String? = nil, sector: String? = nil,
            byService: Bool = false, interval: Interval? = nil
        ) {
            self.from = from
            self.to = to
            self.municipality = municipality
            self.sector = sector
            self.byService = byService
            self.interval = interval
        }

        /// The parameters that are set, with `format=json`.
        public var items: [QueryItem] {
            var items = [QueryItem("format", "json")]
            let formatter = ISO8601DateFormatter()
            if let from { items.append(QueryItem("from", formatter.string(from: from))) }
            if let to { items.append(QueryItem("to", formatter.string(from: to))) }
            if let municipality { items.append(QueryItem("municipality", municipality)) }
            if let sector { items.append(QueryItem("sector", sector)) }
            if byService { items.append(QueryItem("by_service", "true")) }
            if let interval { items.append(QueryItem("interval", interval.rawValue)) }
            return items
        }
    }
}
