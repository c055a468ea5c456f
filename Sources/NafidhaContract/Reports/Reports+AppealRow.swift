extension Reports {
    /// A row of `appeals`: one municipality × sector (the sector whose rejection was contested).
    public struct AppealRow: Codable, Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// The sector that rejected.
        public var sector: String
        /// Appeals filed in the range.
        public var filed: Int64
        /// Appeals upheld in the range (the rejection stands).
        public var upheld: Int64
        /// Appeals granted in the range (the rejected stage reopened).
        public var granted: Int64
        /// Appeals decided in the range by their deadline.
        public var onTime: Int64
        /// Appeals waiting for a supervisor now.
        public var pending: Int64

        /// An appeals row.
        public init(
            municipality: String, sector: String, filed: Int64, upheld: Int64, granted: Int64, onTime: Int64,
            pending: Int64
        ) {
            self.municipality = municipality
            self.sector = sector
            self.filed = filed
            self.upheld = upheld
            self.granted = granted
            self.onTime = onTime
            self.pending = pending
        }

        enum CodingKeys: String, CodingKey {
            case municipality, sector, filed, upheld, granted, pending
            case onTime = "on_time"
        }
    }
}
